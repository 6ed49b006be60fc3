package io.snapkeep.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.service.JobEventService;
import io.snapkeep.messages.JobEvent;

/** Consumes {@code snapkeep.job-events}; a message that cannot be read is logged and skipped. */
@ApplicationScoped
public class JobEventListener {
    static final String CHANNEL = "job-events";
    private static final Logger LOG = Logger.getLogger(JobEventListener.class);

    private final JobEventService service;
    private final ObjectMapper json;

    public JobEventListener(JobEventService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onEvent(String payload) {
        return Uni.createFrom().item(() -> MessageReader.read(json, payload, JobEvent.class))
                .chain(service::apply)
                .onFailure().invoke(e -> LOG.warnf("job event skipped: %s", MessageReader.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
