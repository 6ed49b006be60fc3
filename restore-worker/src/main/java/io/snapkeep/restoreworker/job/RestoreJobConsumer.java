package io.snapkeep.restoreworker.job;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.snapkeep.messages.RestoreJob;
import io.snapkeep.restoreworker.RestoreFailure;

/**
 * Takes restore jobs from Kafka, one at a time: each is handed to the {@link JobExecutor} and acknowledged once it
 * has started, so no poll stays open for a restore's length, and no job is taken while every slot is busy (the
 * returned Uni is pending, so the connector pauses the partitions). From then on the catalog's lease, not the Kafka
 * offset, tracks the job. A malformed message is logged (without its content) and skipped.
 */
@ApplicationScoped
public class RestoreJobConsumer {
    static final String CHANNEL = "restore-jobs";
    private static final Logger LOG = Logger.getLogger(RestoreJobConsumer.class);

    private final RestoreJobParser parser;
    private final JobExecutor executor;
    private final RestoreJobRunner runner;

    RestoreJobConsumer(RestoreJobParser parser, JobExecutor executor, RestoreJobRunner runner) {
        this.parser = parser;
        this.executor = executor;
        this.runner = runner;
    }

    @Incoming(CHANNEL)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(Message<String> message) {
        RestoreJob job;
        try {
            job = parser.parse(message.getPayload());
        } catch (RestoreFailure e) {
            LOG.warnf("skipping a malformed restore job (%s): %s", origin(message), e.getMessage());
            return Uni.createFrom().completionStage(message.ack());
        } catch (RuntimeException e) {
            LOG.errorf("skipping a restore job that could not be read (%s): %s", origin(message),
                    e.getClass().getName());
            return Uni.createFrom().completionStage(message.ack());
        }
        return Uni.createFrom().completionStage(executor.handOver(cancellation -> runner.run(job, cancellation)))
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    private static String origin(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition() + " offset " + m.getOffset())
                .orElse("unknown offset");
    }
}
