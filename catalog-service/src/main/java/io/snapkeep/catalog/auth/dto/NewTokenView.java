package io.snapkeep.catalog.auth.dto;

import java.time.Instant;
import java.util.UUID;

/** The answer to {@code POST /tokens}: the only time {@code token} is shown. */
public record NewTokenView(UUID id, String name, String role, String token, Instant expiresAt, Instant createdAt) {
}
