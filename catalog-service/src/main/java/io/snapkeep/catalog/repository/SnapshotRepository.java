package io.snapkeep.catalog.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

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

    /** The snapshot, locked until the transaction ends (a restore that reads it waits, then finds it gone). */
    public Uni<Snapshot> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The snapshot, key-share-locked until the transaction ends: a deletion ({@link #lock}) waits for this transaction
     * or this one for the deletion, which it then sees; updates of other columns (its expiry) are not held up.
     */
    public Uni<Snapshot> findKeyShared(UUID id) {
        return getSession().chain(session -> session
                .createNativeQuery("select cast(id as varchar) from snapshot where id = :id for key share",
                        String.class)
                .setParameter("id", id).getResultList())
                .chain(() -> findById(id));
    }

    /** Sets the expiry of a snapshot that is still COMPLETED, leaving every other column as it is. */
    public Uni<Integer> setExpiry(UUID id, Instant expiresAt) {
        return update("expiresAt = ?1 where id = ?2 and status = ?3", expiresAt, id, SnapshotStatus.COMPLETED);
    }

    /** An instance's snapshots but the DELETED ones, newest first. */
    public Uni<List<Snapshot>> listLive(UUID instanceId) {
        return list("instanceId = ?1 and status <> ?2", Sort.descending("createdAt", "id"), instanceId,
                SnapshotStatus.DELETED);
    }
}
