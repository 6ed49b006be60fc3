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
 * nothing. A message that cannot be read is logged and skipped alike. Any other failure to apply an event is retried
 * ({@link MessageRetry}) until it goes through, the partition waiting meanwhile, so no result is lost to a database
 * that is briefly away; the {@link JobEventBacklog} learns of each event handled and of each retry.
 */
@ApplicationScoped
public class JobEventListener {
    static final String CHANNEL = "job-events";
    private static final Logger LOG = Logger.getLogger(JobEventListener.class);

    private final JobEventService service;
    private final ObjectMapper json;
    private final MessageSignatures signatures;
    private final MessageRetry retry;
    private final JobEventBacklog backlog;

    public JobEventListener(JobEventService service, ObjectMapper json, MessageSignatures signatures,
            MessageRetry retry, JobEventBacklog backlog) {
        this.service = service;
        this.json = json;
        this.signatures = signatures;
        this.retry = retry;
        this.backlog = backlog;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onEvent(String payload, IncomingKafkaRecordMetadata<String, String> record) {
        return handle(payload, record)
                .onTermination().invoke(() -> backlog.handled(record.getTopic(), record.getPartition(),
                        record.getOffset()));
    }

    private Uni<Void> handle(String payload, IncomingKafkaRecordMetadata<String, String> record) {
        String origin = record.getTopic() + "-" + record.getPartition() + " offset " + record.getOffset();
        SignatureCheck signature = signatures.check(record, payload);
        if (signature != SignatureCheck.VALID) {
            LOG.warnf("job event refused (%s): %s", origin, signature.description());
            return Uni.createFrom().voidItem();
        }
        JobEvent event;
        try {
            event = MessageReader.read(json, payload, JobEvent.class);
        } catch (IllegalArgumentException e) {
            LOG.warnf("job event skipped (%s): %s", origin, MessageReader.describe(e));
            return Uni.createFrom().voidItem();
        }
        return retry.untilApplied("job event " + event.type() + " of job " + event.jobId() + " (" + origin + ")",
                () -> service.apply(event), backlog)
                .onFailure().invoke(e -> LOG.warnf("job event skipped (%s): %s", origin, MessageReader.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
