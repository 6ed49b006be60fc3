package io.snapkeep.worker.job;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Commits a job message's offset for the workers' consumer group, synchronously, when the worker takes it: before the
 * job is claimed, so that neither this worker started again after a crash nor the replica its partition goes to next
 * reads the job again and runs an attempt it already had beside the attempt the catalog dispatched since (Kafka's
 * periodic commit left that window open for 5 s after each job). A job taken and then lost is brought back by the
 * catalog's lease and queue timeout, not by its Kafka offset. The job channels set {@code commit-strategy=ignore}:
 * these commits are the only ones.
 */
@ApplicationScoped
public class JobOffsets {
    private static final Logger LOG = Logger.getLogger(JobOffsets.class);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaClientService clients;

    JobOffsets(KafkaClientService clients) {
        this.clients = clients;
    }

    /**
     * @return true once the group committed past {@code message} while this consumer still held its partition;
     *         false when it no longer does (a rebalance gave it to another replica, which reads the job from the last
     *         committed offset) or the commit failed (Kafka did not answer): the job must not run here then
     */
    Uni<Boolean> commitPast(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        if (record == null) {
            return Uni.createFrom().item(true);
        }
        TopicPartition partition = new TopicPartition(record.getTopic(), record.getPartition());
        OffsetAndMetadata next = new OffsetAndMetadata(record.getOffset() + 1);
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(record.getChannel());
        Function<Consumer<Object, Object>, Boolean> holdsAndCommits = polling -> holdsAndCommits(polling, partition,
                next);
        return consumer.runOnPollingThread(holdsAndCommits)
                .ifNoItem().after(COMMIT_TIMEOUT).fail()
                .onItem().invoke(held -> {
                    if (!held) {
                        LOG.infof("%s was read before a rebalance gave its partition to another replica: left to it",
                                JobIntake.origin(message));
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("the offset of %s could not be committed (%s): the job is left to the replica that"
                            + " reads it next, or to the catalog's queue timeout", JobIntake.origin(message),
                            e.toString());
                    return false;
                });
    }

    /**
     * On the polling thread, where the assignment only changes inside a poll: Kafka accepts a commit from any member of
     * the current generation for any partition, so a record fetched before a rebalance must be checked against the
     * assignment, or two replicas run it.
     */
    private static boolean holdsAndCommits(Consumer<?, ?> consumer, TopicPartition partition,
            OffsetAndMetadata next) {
        if (!consumer.assignment().contains(partition)) {
            return false;
        }
        consumer.commitSync(Map.of(partition, next));
        return true;
    }
}
