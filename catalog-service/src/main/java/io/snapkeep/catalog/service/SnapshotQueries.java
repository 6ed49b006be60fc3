package io.snapkeep.catalog.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.SnapshotOrigin;
import io.snapkeep.catalog.SnapshotStatus;
import io.snapkeep.catalog.repository.SnapshotRepository;

/** Reads snapshots: one by id, or a filtered page, newest first. */
@ApplicationScoped
public class SnapshotQueries {
    private final SnapshotRepository snapshots;

    public SnapshotQueries(SnapshotRepository snapshots) {
        this.snapshots = snapshots;
    }

    @WithSession
    public Uni<Snapshot> get(UUID id) {
        return snapshots.findById(id).onItem().ifNull().failWith(() -> CatalogException.notFound("snapshot", id));
    }

    /** Without a status or request id filter, DELETED snapshots are left out. */
    @WithSession
    public Uni<Paged<Snapshot>> page(UUID instanceId, String status, String origin, String requestId,
            PageRequest request) {
        QueryFilter filter = new QueryFilter().equal("instanceId", instanceId)
                .equal("origin", origin == null ? null : parse(SnapshotOrigin.class, "origin", origin))
                .equal("requestId", requestId);
        if (status == null && requestId == null) {
            filter.notEqual("status", SnapshotStatus.DELETED);
        } else if (status != null) {
            filter.equal("status", parse(SnapshotStatus.class, "status", status));
        }
        return QueryFilter.page(snapshots.find(filter.where(), Sort.descending("createdAt", "id"), filter.params()),
                request);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CatalogException.invalid(field, field + " '" + value + "' is unknown: use one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ".");
        }
    }
}
