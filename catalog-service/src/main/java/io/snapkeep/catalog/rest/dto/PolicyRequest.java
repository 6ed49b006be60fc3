package io.snapkeep.catalog.rest.dto;

import jakarta.validation.constraints.NotBlank;

/** Body of {@code PUT /instances/{id}/policy}. */
public record PolicyRequest(@NotBlank(message = "is required: one of the tiers of GET /policies") String tier) {
}
