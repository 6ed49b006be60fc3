package io.snapkeep.catalog.auth.dto;

import java.time.Instant;

/** {@code POST /tokens}: a name, a role and an optional expiry. */
public record CreateTokenRequest(String name, String role, Instant expiresAt) {
}
