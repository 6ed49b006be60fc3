package io.snapkeep.catalog.auth.dto;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A token as listed: never its secret, which {@link NewTokenView} shows once. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(UUID id, String name, String role, String createdBy, Instant createdAt, Instant expiresAt,
        Instant lastUsedAt, Instant revokedAt) {
}
