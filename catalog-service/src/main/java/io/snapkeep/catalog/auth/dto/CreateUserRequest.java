package io.snapkeep.catalog.auth.dto;

/** {@code POST /users}. */
public record CreateUserRequest(String username, String password, String role) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username + ", role=" + role + "]";
    }
}
