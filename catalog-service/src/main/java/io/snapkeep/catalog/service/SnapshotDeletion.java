package io.snapkeep.catalog.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.SnapshotStatus;
import io.snapkeep.catalog.repository.InstanceRepository;
import io.snapkeep.catalog.repository.JobRepository;
import io.snapkeep.catalog.repository.SnapshotRepository;
import io.snapkeep.catalog.store.ObjectStore;
import io.snapkeep.catalog.store.StoreException;
import io.snapkeep.policy.Decision;
import io.snapkeep.policy.SchedulerSettings;
import io.vertx.mutiny.core.Vertx;

/**
 * Deletes a snapshot: its objects leave the store first, then it is marked DELETED and announced. The row stays
 * locked meanwhile, so a restore that would read it waits and then finds it gone; a snapshot a queued or running job
 * reads is refused (409). Deleting a DELETED snapshot again changes nothing.
 */
@ApplicationScoped
public class SnapshotDeletion {
    private static final Logger LOG = Logger.getLogger(SnapshotDeletion.class);

    private final SnapshotRepository snapshots;
    private final InstanceRepository instances;
    private final JobRepository jobs;
    private final RetentionLoader loader;
    private final SnapshotEvents events;
    private final ObjectStore store;
    private final SchedulerSettings settings;
    private final Vertx vertx;

    public SnapshotDeletion(SnapshotRepository snapshots, InstanceRepository instances, JobRepository jobs,
            RetentionLoader loader, SnapshotEvents events, ObjectStore store, SchedulerSettings settings,
            Vertx vertx) {
        this.snapshots = snapshots;
        this.instances = instances;
        this.jobs = jobs;
        this.loader = loader;
        this.events = events;
        this.store = store;
        this.settings = settings;
        this.vertx = vertx;
    }

    /**
     * @param byRetention when true, the snapshot is deleted only if the instance's retention, computed now, still
     *        deletes it (409 otherwise): a pruner working from an older view never deletes what retention keeps now
     */
    @WithTransaction
    public Uni<Void> delete(UUID id, boolean byRetention) {
        return snapshots.lock(id).onItem().ifNull().failWith(() -> CatalogException.notFound("snapshot", id))
                .chain(snapshot -> snapshot.status == SnapshotStatus.DELETED ? Uni.createFrom().voidItem()
                        : jobs.findActiveForSnapshot(id).chain(job -> {
                            if (job != null) {
                                return Uni.createFrom().failure(CatalogException.conflict("Snapshot " + id
                                        + " is in use by " + job.type + " job " + job.id + " (" + job.status
                                        + "): delete it once that job has ended."));
                            }
                            return (byRetention ? checkRetentionDeletes(snapshot) : Uni.createFrom().voidItem())
                                    .chain(() -> removeObjects(snapshot))
                                    .chain(() -> markDeleted(snapshot));
                        }));
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

    private Uni<Void> removeObjects(Snapshot snapshot) {
        String prefix = ArchiveKeys.prefix(snapshot);
        return vertx.<Void>executeBlocking(() -> {
            store.deleteAll(prefix, snapshot.objectKey);
            return null;
        }).onFailure(StoreException.class).transform(e -> {
            LOG.warnf("snapshot %s not deleted: %s", snapshot.id, e.getMessage());
            return CatalogException.unavailable("The object store could not delete the archive of snapshot "
                    + snapshot.id + " (" + e.getMessage() + "): it is kept; delete it again later.");
        });
    }

    private Uni<Void> markDeleted(Snapshot snapshot) {
        snapshot.status = SnapshotStatus.DELETED;
        snapshot.expiresAt = null;
        LOG.infof("snapshot %s of instance %s deleted", snapshot.id, snapshot.instanceId);
        return events.announce(snapshot);
    }
}
