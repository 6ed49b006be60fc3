package io.snapkeep.worker.job;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.snapkeep.messages.JobEvent;

/**
 * Sends job events to Kafka on the channel {@value #CHANNEL} (each worker configures it), keyed by job id, so that one
 * job's events stay in order.
 */
@ApplicationScoped
public class JobEventPublisher {
    public static final String CHANNEL = "job-events";
    private static final Logger LOG = Logger.getLogger(JobEventPublisher.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 20;

    private final MutinyEmitter<JobEvent> emitter;

    JobEventPublisher(@Channel(CHANNEL) MutinyEmitter<JobEvent> emitter) {
        this.emitter = emitter;
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
        return emitter.sendMessage(Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.jobId()).build()));
    }
}
