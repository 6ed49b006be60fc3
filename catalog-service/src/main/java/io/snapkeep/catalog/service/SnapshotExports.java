package io.snapkeep.catalog.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.SnapshotStatus;
import io.snapkeep.catalog.repository.InstanceRepository;
import io.snapkeep.catalog.repository.SnapshotRepository;

/** Finds what {@code GET /snapshots/{id}/content} streams: a COMPLETED snapshot and the name of its instance. */
@ApplicationScoped
public class SnapshotExports {
    private final SnapshotRepository snapshots;
    private final InstanceRepository instances;

    public SnapshotExports(SnapshotRepository snapshots, InstanceRepository instances) {
        this.snapshots = snapshots;
        this.instances = instances;
    }

    /** A snapshot to export; {@code instanceName} names the file (the instance may have been deleted since). */
    public record Export(Snapshot snapshot, String instanceName) {
    }

    /** 404 for no such snapshot, 410 for a deleted one (DELETING or DELETED), 409 for one that is not COMPLETED. */
    @WithSession
    public Uni<Export> find(UUID id) {
        return snapshots.findById(id)
                .onItem().ifNull().failWith(() -> CatalogException.notFound("snapshot", id))
                .invoke(snapshot -> {
                    if (snapshot.status == SnapshotStatus.DELETING || snapshot.status == SnapshotStatus.DELETED) {
                        throw CatalogException.gone("Snapshot " + id + " is " + snapshot.status
                                + ": its archive is gone from the store.");
                    }
                    if (snapshot.status != SnapshotStatus.COMPLETED || snapshot.objectKey == null
                            || snapshot.sizeBytes == null) {
                        throw CatalogException.conflict("Snapshot " + id + " is " + snapshot.status
                                + ": only COMPLETED snapshots can be exported"
                                + (snapshot.status == SnapshotStatus.PENDING || snapshot.status == SnapshotStatus.RUNNING
                                        ? "; wait until it is." : "."));
                    }
                })
                .chain(snapshot -> instances.findById(snapshot.instanceId)
                        .map(instance -> new Export(snapshot, nameOf(instance))));
    }

    private static String nameOf(Instance instance) {
        return instance == null ? "snapshot" : instance.name;
    }
}
