package io.snapkeep.catalog.sealing.rest;

import java.time.Instant;
import java.util.UUID;

import io.snapkeep.catalog.sealing.KeyRewrap;

/** A re-wrap run as the API shows it: to which key, how far ({@code rewrapped + failed} of {@code total}), how it ended. */
public record KeyRewrapView(UUID id, String status, String targetKey, int total, int rewrapped, int failed,
        String error, String requestedBy, Instant createdAt, Instant finishedAt) {

    static KeyRewrapView of(KeyRewrap run) {
        return new KeyRewrapView(run.id, run.status, run.targetKey, run.total, run.rewrapped, run.failed, run.error,
                run.requestedBy, run.createdAt, run.finishedAt);
    }
}
