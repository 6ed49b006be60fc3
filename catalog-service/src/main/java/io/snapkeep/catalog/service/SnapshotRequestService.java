package io.snapkeep.catalog.service;

import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.SnapshotOrigin;
import io.snapkeep.catalog.repository.InstanceRepository;
import io.snapkeep.catalog.repository.SnapshotRepository;
import io.snapkeep.messages.DumpOptions;
import io.snapkeep.messages.SnapshotRequest;

/** Turns a snapshot request from Kafka into a snapshot, at most once per {@code requestId}. */
@ApplicationScoped
public class SnapshotRequestService {
    private static final Logger LOG = Logger.getLogger(SnapshotRequestService.class);

    private final SnapshotRepository snapshots;
    private final InstanceRepository instances;
    private final SnapshotService snapshotService;

    public SnapshotRequestService(SnapshotRepository snapshots, InstanceRepository instances,
            SnapshotService snapshotService) {
        this.snapshots = snapshots;
        this.instances = instances;
        this.snapshotService = snapshotService;
    }

    /** @return the started snapshot, or null when this requestId was already served */
    @WithTransaction
    public Uni<SnapshotService.Started> handle(SnapshotRequest request) {
        if (request.requestId() == null || request.requestId().isBlank()) {
            return Uni.createFrom().failure(CatalogException.invalid("requestId", "requestId is required"));
        }
        return snapshots.findByRequestId(request.requestId()).chain(existing -> {
            if (existing != null) {
                LOG.debugf("snapshot request %s already served by snapshot %s", request.requestId(), existing.id);
                return Uni.createFrom().nullItem();
            }
            return instanceOf(request).chain(instance -> snapshotService.start(instance.id, nameOf(request),
                    originOf(request), request.options() == null ? DumpOptions.defaults() : request.options(),
                    request.requestId()));
        });
    }

    private Uni<Instance> instanceOf(SnapshotRequest request) {
        if (request.instanceId() != null) {
            UUID id = UUID.fromString(request.instanceId());
            return instances.findLive(id).onItem().ifNull().failWith(() -> CatalogException.notFound("instance", id));
        }
        if (request.instanceName() != null) {
            return instances.findLiveByName(request.instanceName()).onItem().ifNull().failWith(
                    () -> CatalogException.invalid("instanceName", "no instance is named " + request.instanceName()));
        }
        return Uni.createFrom().failure(CatalogException.invalid("instanceId", "instanceId or instanceName is required"));
    }

    private static String nameOf(SnapshotRequest request) {
        return request.name() == null || request.name().isBlank() ? request.requestId() : request.name();
    }

    private static SnapshotOrigin originOf(SnapshotRequest request) {
        return request.origin() == null ? SnapshotOrigin.ON_DEMAND
                : SnapshotOrigin.valueOf(request.origin().toUpperCase(Locale.ROOT));
    }
}
