package io.snapkeep.worker.job;

import java.util.function.BiConsumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.snapkeep.messages.JobMessage;
import io.snapkeep.messages.SignatureCheck;
import io.snapkeep.worker.JobFailure;
import io.snapkeep.worker.JobKind;

/**
 * Takes jobs from a worker's Kafka consumer, one at a time: each is handed to the {@link JobExecutor} and acknowledged
 * once it has started, so no poll stays open for a job's length, and no job is taken while every slot is busy (the
 * returned Uni is pending, so the connector pauses the partitions). Its offset is committed synchronously before the
 * job is claimed ({@link JobOffsets}): from then on the catalog's lease, not the Kafka offset, tracks the job, and a
 * worker started again never runs an attempt it had taken before. A message whose signature headers do not sign it
 * ({@link JobSignatures}) is refused before it is read: logged with which check failed, acknowledged and skipped, with
 * no event sent and nothing run. A malformed message is logged (without its content, which holds a sealed password)
 * and skipped alike, never blocking the topic.
 */
@ApplicationScoped
public class JobIntake {
    private static final Logger LOG = Logger.getLogger(JobIntake.class);

    private final JobExecutor executor;
    private final JobKind kind;
    private final JobSignatures signatures;
    private final JobOffsets offsets;

    JobIntake(JobExecutor executor, JobKind kind, JobSignatures signatures, JobOffsets offsets) {
        this.executor = executor;
        this.kind = kind;
        this.signatures = signatures;
        this.offsets = offsets;
    }

    /**
     * @param parser reads the job from the message's JSON; throws a {@link JobFailure} saying what is wrong with it
     * @param runner runs the job to its end on a slot's thread
     */
    public <J extends JobMessage> Uni<Void> take(Message<String> message, Function<String, J> parser,
            BiConsumer<J, Cancellation> runner) {
        SignatureCheck signature = signatures.check(message);
        if (signature != SignatureCheck.VALID) {
            LOG.warnf("refusing a %s job that is not validly signed (%s): %s", kind.name(), origin(message),
                    signature.description());
            return skip(message);
        }
        J job;
        try {
            job = parser.apply(message.getPayload());
        } catch (JobFailure e) {
            LOG.warnf("skipping a malformed %s job (%s): %s", kind.name(), origin(message), e.getMessage());
            return skip(message);
        } catch (RuntimeException e) {
            LOG.errorf("skipping a %s job that could not be read (%s): %s", kind.name(), origin(message),
                    e.getClass().getName());
            return skip(message);
        }
        return Uni.createFrom().completionStage(executor.handOver(job, cancellation -> {
            if (offsets.commitPast(message).await().indefinitely()) {
                runner.accept(job, cancellation);
            }
        })).chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    private Uni<Void> skip(Message<String> message) {
        return offsets.commitPast(message).chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    static String origin(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition() + " offset " + m.getOffset())
                .orElse("unknown offset");
    }
}
