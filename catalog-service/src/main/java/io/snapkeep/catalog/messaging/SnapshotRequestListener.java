package io.snapkeep.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.service.SnapshotRequestService;
import io.snapkeep.messages.SnapshotRequest;

/**
 * Consumes {@code snapkeep.snapshot-requests}. A malformed or refused request is logged and skipped: it never
 * blocks the topic. Any other failure (the database briefly away) is retried ({@link MessageRetry}) until the request
 * goes through; its requestId makes a request that went through twice start one snapshot.
 */
@ApplicationScoped
public class SnapshotRequestListener {
    static final String CHANNEL = "snapshot-requests";
    private static final Logger LOG = Logger.getLogger(SnapshotRequestListener.class);

    private final SnapshotRequestService service;
    private final ObjectMapper json;
    private final MessageRetry retry;

    public SnapshotRequestListener(SnapshotRequestService service, ObjectMapper json, MessageRetry retry) {
        this.service = service;
        this.json = json;
        this.retry = retry;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onRequest(String payload) {
        SnapshotRequest request;
        try {
            request = MessageReader.read(json, payload, SnapshotRequest.class);
        } catch (IllegalArgumentException e) {
            LOG.warnf("snapshot request skipped: %s", MessageReader.describe(e));
            return Uni.createFrom().voidItem();
        }
        return retry.untilApplied("snapshot request " + request.requestId(), () -> service.handle(request),
                        MessageRetry.Observer.NONE)
                .invoke(started -> {
                    if (started != null) {
                        LOG.infof("snapshot %s started for request %s", started.snapshot().id,
                                started.snapshot().requestId);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("snapshot request skipped: %s", MessageReader.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
