package io.snapkeep.catalog.rest.dto;

/** Body of {@code PUT /instances/{id}/policy}: a tier of {@code GET /policies}, or a custom policy. */
public record PolicyRequest(String tier, CustomPolicy custom) {
}
