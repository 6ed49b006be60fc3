package io.snapkeep.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Tries again to remove the objects of snapshots left DELETING (the store failed during their deletion). */
@ApplicationScoped
public class DeletionRetries {
    private static final Logger LOG = Logger.getLogger(DeletionRetries.class);

    private final SnapshotDeletionMarks marks;
    private final SnapshotDeletion deletion;

    public DeletionRetries(SnapshotDeletionMarks marks, SnapshotDeletion deletion) {
        this.marks = marks;
        this.deletion = deletion;
    }

    @Scheduled(every = "${snapkeep.store.deletion-retry-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return marks.listDeleting().chain(deleting -> Multi.createFrom().iterable(deleting)
                .onItem().transformToUniAndConcatenate(snapshot -> deletion.finish(snapshot)
                        .onFailure().invoke(e -> LOG.debugf("snapshot %s still DELETING: %s", snapshot.id,
                                e.getMessage()))
                        .onFailure().recoverWithNull())
                .collect().asList().replaceWithVoid())
                .onFailure().invoke(e -> LOG.warnf("deletion retry sweep failed: %s", e.toString()))
                .onFailure().recoverWithNull();
    }
}
