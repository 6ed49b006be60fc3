package io.snapkeep.catalog.rest.dto;

import java.time.Instant;
import java.util.UUID;

/** An instance as the API shows it; {@code custom} holds the custom policy when {@code policy} is {@code custom}. */
public record InstanceView(UUID id, String name, String engine, ConnectionView connection, String policy,
        String status, Instant createdAt, CustomPolicy custom) {
}
