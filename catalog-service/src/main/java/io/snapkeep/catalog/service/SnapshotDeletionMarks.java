package io.snapkeep.catalog.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.SnapshotStatus;
import io.snapkeep.catalog.repository.InstanceRepository;
import io.snapkeep.catalog.repository.JobRepository;
import io.snapkeep.catalog.repository.SnapshotRepository;
import io.snapkeep.policy.Decision;
import io.snapkeep.policy.SchedulerSettings;

/**
 * The two transactions of a deletion: one marks the snapshot DELETING (after its checks, under a row lock that
 * restores wait for), the other marks it DELETED once its objects left the store. The store is called between them,
 * in no transaction.
 */
@ApplicationScoped
public class SnapshotDeletionMarks {
    private static final Logger LOG = Logger.getLogger(SnapshotDeletionMarks.class);

    private final SnapshotRepository snapshots;
    private final InstanceRepository instances;
    private final JobRepository jobs;
    private final RetentionLoader loader;
    private final SnapshotEvents events;
    private final SchedulerSettings settings;

    public SnapshotDeletionMarks(SnapshotRepository snapshots, InstanceRepository instances, JobRepository jobs,
            RetentionLoader loader, SnapshotEvents events, SchedulerSettings settings) {
        this.snapshots = snapshots;
        this.instances = instances;
        this.jobs = jobs;
        this.loader = loader;
        this.events = events;
        this.settings = settings;
    }

    /**
     * Marks the snapshot DELETING, unless a queued or running job reads it (409) or, {@code byRetention}, retention
     * computed now keeps it (409). One already DELETING is handed back as it is (its removal is tried again).
     *
     * @return the DELETING snapshot, or null when it was DELETED already
     */
    @WithTransaction
    public Uni<Snapshot> markDeleting(UUID id, boolean byRetention) {
        return snapshots.lock(id).onItem().ifNull().failWith(() -> CatalogException.notFound("snapshot", id))
                .chain(snapshot -> switch (snapshot.status) {
                    case DELETED -> Uni.createFrom().nullItem();
                    case DELETING -> Uni.createFrom().item(snapshot);
                    default -> jobs.findActiveForSnapshot(id).chain(job -> {
                        if (job != null) {
                            return Uni.createFrom().failure(CatalogException.conflict("Snapshot " + id
                                    + " is in use by " + job.type + " job " + job.id + " (" + job.status
                                    + "): delete it once that job has ended."));
                        }
                        return (byRetention ? checkRetentionDeletes(snapshot) : Uni.createFrom().voidItem())
                                .map(ignored -> {
                                    snapshot.status = SnapshotStatus.DELETING;
                                    snapshot.expiresAt = null;
                                    return snapshot;
                                });
                    });
                });
    }

    /** Marks a DELETING snapshot DELETED and announces it; nothing happens to one in another status. */
    @WithTransaction
    public Uni<Void> markDeleted(UUID id) {
        return snapshots.lock(id).chain(snapshot -> {
            if (snapshot == null || snapshot.status != SnapshotStatus.DELETING) {
                return Uni.createFrom().voidItem();
            }
            snapshot.status = SnapshotStatus.DELETED;
            LOG.infof("snapshot %s of instance %s deleted", snapshot.id, snapshot.instanceId);
            return events.announce(snapshot);
        });
    }

    @WithSession
    public Uni<List<Snapshot>> listDeleting() {
        return snapshots.listDeleting();
    }

    private Uni<Void> checkRetentionDeletes(Snapshot snapshot) {
        return instances.findById(snapshot.instanceId).chain(instance -> loader.load(instance, null)).invoke(r -> {
            Decision decision = r.plan(settings).decision(snapshot.id.toString()).orElseThrow();
            if (decision.keep()) {
                throw CatalogException.conflict("Retention keeps snapshot " + snapshot.id + " now ("
                        + decision.reason() + "): it was not deleted.");
            }
        }).replaceWithVoid();
    }
}
