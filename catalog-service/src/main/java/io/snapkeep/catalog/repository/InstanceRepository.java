package io.snapkeep.catalog.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Instance;

@ApplicationScoped
public class InstanceRepository implements PanacheRepositoryBase<Instance, UUID> {

    public Uni<Instance> findLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).firstResult();
    }

    /** The live instance, locked until the transaction ends, so two jobs cannot both find it idle. */
    public Uni<Instance> lockLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Instance> findLiveByName(String name) {
        return find("name = ?1 and deletedAt is null", name).firstResult();
    }

    /** Every instance, deleted ones too, whose password was sealed before {@code version}, locked. */
    public Uni<List<Instance>> lockSealedBefore(int version) {
        return find("passwordSealVersion < ?1", version).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The live instances by name, to be paged. */
    public PanacheQuery<Instance> live() {
        return find("deletedAt is null", Sort.by("name", "id"));
    }
}
