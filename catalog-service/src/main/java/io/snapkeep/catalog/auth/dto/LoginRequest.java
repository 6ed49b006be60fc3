package io.snapkeep.catalog.auth.dto;

/** {@code POST /login}. */
public record LoginRequest(String username, String password) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + "]";
    }
}
