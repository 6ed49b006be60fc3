package io.snapkeep.catalog.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Snapshot;

@ApplicationScoped
public class SnapshotRepository implements PanacheRepositoryBase<Snapshot, UUID> {

    public Uni<Snapshot> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResult();
    }
}
