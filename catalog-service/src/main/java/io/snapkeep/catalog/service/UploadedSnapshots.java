package io.snapkeep.catalog.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.repository.InstanceRepository;
import io.snapkeep.catalog.repository.SnapshotRepository;

/** The catalog side of an upload: the instance it goes to, and the COMPLETED snapshot once the archive is stored. */
@ApplicationScoped
public class UploadedSnapshots {
    private final InstanceRepository instances;
    private final SnapshotRepository snapshots;
    private final SnapshotEvents events;

    public UploadedSnapshots(InstanceRepository instances, SnapshotRepository snapshots, SnapshotEvents events) {
        this.instances = instances;
        this.snapshots = snapshots;
        this.events = events;
    }

    @WithSession
    public Uni<Instance> instance(UUID id) {
        return instances.findLive(id).onItem().ifNull().failWith(() -> CatalogException.notFound("instance", id));
    }

    /**
     * Records a stored, checked archive as a COMPLETED snapshot and announces it. The instance is locked so that it
     * cannot be deleted meanwhile; it is not made busy: an upload does not touch the instance's database.
     */
    @WithTransaction
    public Uni<Snapshot> record(Snapshot snapshot) {
        return instances.lockLive(snapshot.instanceId)
                .onItem().ifNull().failWith(() -> CatalogException.conflict("Instance " + snapshot.instanceId
                        + " was deleted while its upload ran: the archive was not kept."))
                .chain(instance -> snapshots.persist(snapshot))
                .chain(() -> events.announce(snapshot))
                .replaceWith(snapshot);
    }
}
