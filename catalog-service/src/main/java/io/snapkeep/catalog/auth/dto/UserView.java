package io.snapkeep.catalog.auth.dto;

import java.time.Instant;
import java.util.UUID;

/** A user, never its password hash. */
public record UserView(UUID id, String username, String role, Instant createdAt, Instant updatedAt) {
}
