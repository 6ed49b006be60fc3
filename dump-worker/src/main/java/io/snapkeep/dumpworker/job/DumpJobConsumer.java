package io.snapkeep.dumpworker.job;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.snapkeep.dumpworker.DumpFailure;
import io.snapkeep.messages.DumpJob;

/**
 * Takes dump jobs from Kafka, one at a time: each is handed to the {@link JobExecutor} and acknowledged once it has
 * started, so no poll stays open for a dump's length, and no job is taken while every slot is busy (the returned Uni
 * is pending, so the connector pauses the partitions). From then on the catalog's lease, not the Kafka offset, tracks
 * the job. A malformed message is logged (without its content) and skipped.
 */
@ApplicationScoped
public class DumpJobConsumer {
    static final String CHANNEL = "dump-jobs";
    private static final Logger LOG = Logger.getLogger(DumpJobConsumer.class);

    private final DumpJobParser parser;
    private final JobExecutor executor;
    private final DumpJobRunner runner;

    DumpJobConsumer(DumpJobParser parser, JobExecutor executor, DumpJobRunner runner) {
        this.parser = parser;
        this.executor = executor;
        this.runner = runner;
    }

    @Incoming(CHANNEL)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(Message<String> message) {
        DumpJob job;
        try {
            job = parser.parse(message.getPayload());
        } catch (DumpFailure e) {
            LOG.warnf("skipping a malformed dump job (%s): %s", origin(message), e.getMessage());
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
