package io.snapkeep.worker.job;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.Topics;

/**
 * Sends job events to {@code snapkeep.job-events} on the channel {@value #CHANNEL} (each worker configures it, with a
 * String serializer), keyed by job id, so that one job's events stay in order. Each event is serialised here, so that
 * the signature headers ({@link JobSignatures}) sign exactly the bytes sent.
 */
@ApplicationScoped
public class JobEventPublisher {
    public static final String CHANNEL = "job-events";
    private static final Logger LOG = Logger.getLogger(JobEventPublisher.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 20;

    private final MutinyEmitter<String> emitter;
    private final JobSignatures signatures;
    private final ObjectMapper json;

    JobEventPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, JobSignatures signatures, ObjectMapper json) {
        this.emitter = emitter;
        this.signatures = signatures;
        this.json = json;
    }

    /**
     * Sends {@code event} and waits until Kafka acknowledged it, retrying with backoff (for several minutes) while
     * Kafka is unreachable: CLAIMED, SUCCEEDED and FAILED must not be lost.
     */
    public void publishDurably(JobEvent event) {
        Uni.createFrom().deferred(() -> send(event))
                .onFailure().invoke(e -> LOG.warnf("job %s: %s event not acknowledged by Kafka yet: %s", event.jobId(),
                        event.type(), e.getMessage()))
                .onFailure().retry().withBackOff(FIRST_RETRY, LAST_RETRY).atMost(ATTEMPTS)
                .await().indefinitely();
    }

    /** Sends {@code event} without waiting: a lost PROGRESS event is replaced by the next one. */
    public void publish(JobEvent event) {
        send(event).subscribe().with(ok -> {
        }, e -> LOG.debugf("job %s: %s event not sent: %s", event.jobId(), event.type(), e.getMessage()));
    }

    private Uni<Void> send(JobEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("could not serialise a job event", e));
        }
        return emitter.sendMessage(Message.of(payload)
                .addMetadata(signatures.signed(Topics.JOB_EVENTS, event.jobId(), payload)));
    }
}
