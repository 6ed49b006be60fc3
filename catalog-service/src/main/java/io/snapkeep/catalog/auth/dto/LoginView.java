package io.snapkeep.catalog.auth.dto;

import java.time.Instant;

/** The answer to a login: who signed in, the CSRF token state-changing calls must carry, and the session's end. */
public record LoginView(String username, String role, String csrfToken, Instant expiresAt) {
}
