package io.snapkeep.catalog.auth.dto;

/** {@code PATCH /users/{id}}: a new password, a new role (admin only), or both. */
public record UpdateUserRequest(String password, String role) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "UpdateUserRequest[role=" + role + "]";
    }
}
