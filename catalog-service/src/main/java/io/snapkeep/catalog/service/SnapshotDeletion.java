package io.snapkeep.catalog.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.store.ObjectStore;
import io.snapkeep.catalog.store.StoreException;
import io.vertx.mutiny.core.Vertx;

/**
 * Deletes a snapshot in three steps: it is marked DELETING (from then on it is never restored, exported or counted by
 * retention), its objects leave the store, outside any transaction and within the store's call timeout, then it is
 * marked DELETED and announced. When the store fails, the snapshot stays DELETING and the caller gets 503; the next
 * DELETE or the {@link DeletionRetries} sweep removes it. A snapshot a queued or running job reads is refused (409).
 * Deleting a DELETED snapshot again changes nothing.
 */
@ApplicationScoped
public class SnapshotDeletion {
    private static final Logger LOG = Logger.getLogger(SnapshotDeletion.class);

    private final SnapshotDeletionMarks marks;
    private final ObjectStore store;
    private final Vertx vertx;

    public SnapshotDeletion(SnapshotDeletionMarks marks, ObjectStore store, Vertx vertx) {
        this.marks = marks;
        this.store = store;
        this.vertx = vertx;
    }

    /**
     * @param byRetention when true, the snapshot is deleted only if the instance's retention, computed now, still
     *        deletes it (409 otherwise): a pruner working from an older view never deletes what retention keeps now
     */
    public Uni<Void> delete(UUID id, boolean byRetention) {
        return marks.markDeleting(id, byRetention)
                .chain(snapshot -> snapshot == null ? Uni.createFrom().voidItem() : finish(snapshot));
    }

    /** Removes the objects of a DELETING snapshot, then marks it DELETED. */
    public Uni<Void> finish(Snapshot snapshot) {
        return removeObjects(snapshot).chain(() -> marks.markDeleted(snapshot.id));
    }

    private Uni<Void> removeObjects(Snapshot snapshot) {
        String prefix = ArchiveKeys.prefix(snapshot);
        return vertx.<Void>executeBlocking(() -> {
            store.deleteAll(prefix, snapshot.objectKey);
            return null;
        }, false).onFailure(StoreException.class).transform(e -> {
            LOG.warnf("objects of snapshot %s not removed: %s", snapshot.id, e.getMessage());
            return CatalogException.unavailable("The object store could not delete the archive of snapshot "
                    + snapshot.id + " (" + e.getMessage() + "): the snapshot is DELETING and is never restored or "
                    + "exported again; its removal is retried.");
        });
    }
}
