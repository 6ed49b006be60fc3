package io.snapkeep.catalog.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.SnapshotStatus;

@ApplicationScoped
public class SnapshotRepository implements PanacheRepositoryBase<Snapshot, UUID> {

    public Uni<Snapshot> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResult();
    }

    /**
     * The snapshot, locked {@code FOR UPDATE} until the transaction ends: that conflicts with {@link #findKeyShared}, so
     * a restore that starts meanwhile waits, then sees what this transaction made of it. (Hibernate's pessimistic
     * write lock is {@code FOR NO KEY UPDATE} on PostgreSQL, which does not conflict with {@code FOR KEY SHARE}.)
     */
    public Uni<Snapshot> lock(UUID id) {
        return findLocked(id, "for update");
    }

    /**
     * The snapshot, key-share-locked until the transaction ends: a deletion ({@link #lock}) waits for this transaction
     * or this one for the deletion, which it then sees; updates of other columns (its expiry) are not held up.
     */
    public Uni<Snapshot> findKeyShared(UUID id) {
        return findLocked(id, "for key share");
    }

    private Uni<Snapshot> findLocked(UUID id, String lockClause) {
        return getSession().chain(session -> session
                .createNativeQuery("select cast(id as varchar) from snapshot where id = :id " + lockClause,
                        String.class)
                .setParameter("id", id).getResultList())
                .chain(() -> findById(id));
    }

    /** Sets the expiry of a snapshot that is still COMPLETED, leaving every other column as it is. */
    public Uni<Integer> setExpiry(UUID id, Instant expiresAt) {
        return update("expiresAt = ?1 where id = ?2 and status = ?3", expiresAt, id, SnapshotStatus.COMPLETED);
    }

    /** An instance's snapshots but the DELETING and DELETED ones, newest first. */
    public Uni<List<Snapshot>> listLive(UUID instanceId) {
        return list("instanceId = ?1 and status not in ?2", Sort.descending("createdAt", "id"), instanceId,
                List.of(SnapshotStatus.DELETING, SnapshotStatus.DELETED));
    }

    /** The snapshots whose objects are to leave the store, oldest first. */
    public Uni<List<Snapshot>> listDeleting() {
        return list("status", Sort.ascending("createdAt", "id"), SnapshotStatus.DELETING);
    }
}
