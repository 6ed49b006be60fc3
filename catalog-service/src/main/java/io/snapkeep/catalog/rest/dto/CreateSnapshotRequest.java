package io.snapkeep.catalog.rest.dto;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /snapshots}. */
public record CreateSnapshotRequest(
        @NotNull(message = "is required: the id of the instance to snapshot") UUID instanceId,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        SnapshotOptions options) {
}
