package io.snapkeep.catalog.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.SnapshotStatus;
import io.snapkeep.messages.SnapshotEvent;
import io.snapkeep.messages.Topics;

/**
 * Announces a snapshot's new status to integrations, through the outbox; when it COMPLETED, brings the expiry dates of
 * its instance's snapshots up to date (a new snapshot moves them).
 */
@ApplicationScoped
public class SnapshotEvents {
    private final OutboxWriter outbox;
    private final SnapshotExpiries expiries;

    public SnapshotEvents(OutboxWriter outbox, SnapshotExpiries expiries) {
        this.outbox = outbox;
        this.expiries = expiries;
    }

    public Uni<Void> announce(Snapshot snapshot) {
        SnapshotEvent event = new SnapshotEvent(1, snapshot.id.toString(), snapshot.instanceId.toString(),
                snapshot.status.name(), snapshot.sizeBytes, snapshot.sha256, Instant.now());
        return outbox.append(Topics.SNAPSHOT_EVENTS, snapshot.instanceId.toString(), event)
                .chain(() -> snapshot.status == SnapshotStatus.COMPLETED ? expiries.refresh(snapshot)
                        : Uni.createFrom().voidItem());
    }
}
