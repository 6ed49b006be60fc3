package io.snapkeep.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.snapkeep.catalog.service.JobEventService;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.SignatureCheck;

/**
 * Consumes {@code snapkeep.job-events}. An event that is not validly signed ({@link MessageSignatures}) is logged with
 * its partition, offset and the check that failed, never its content, and skipped before it is read: it changes
 * nothing. A message that cannot be read is logged and skipped alike.
 */
@ApplicationScoped
public class JobEventListener {
    static final String CHANNEL = "job-events";
    private static final Logger LOG = Logger.getLogger(JobEventListener.class);

    private final JobEventService service;
    private final ObjectMapper json;
    private final MessageSignatures signatures;

    public JobEventListener(JobEventService service, ObjectMapper json, MessageSignatures signatures) {
        this.service = service;
        this.json = json;
        this.signatures = signatures;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onEvent(String payload, IncomingKafkaRecordMetadata<String, String> record) {
        SignatureCheck signature = signatures.check(record, payload);
        if (signature != SignatureCheck.VALID) {
            LOG.warnf("job event refused (%s-%d offset %d): %s", record.getTopic(), record.getPartition(),
                    record.getOffset(), signature.description());
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> MessageReader.read(json, payload, JobEvent.class))
                .chain(service::apply)
                .onFailure().invoke(e -> LOG.warnf("job event skipped: %s", MessageReader.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
