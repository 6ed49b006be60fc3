package io.snapkeep.catalog.messaging;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * How far this replica has read {@code snapkeep.job-events}: caught up once it has partitions assigned (an empty
 * assignment counts), has handled every event up to the end offsets Kafka reported at the assignment, and no event is
 * waiting for a retry. A rebalance starts the count again. The lease watcher judges leases only on events this replica
 * has caught up with ({@link #caughtUpFor}), so heartbeats and results a worker sent while the catalog was down or its
 * database unreachable are applied before any lease is found expired.
 */
@ApplicationScoped
@Default
@Identifier(JobEventBacklog.NAME)
public class JobEventBacklog implements KafkaConsumerRebalanceListener, MessageRetry.Observer {
    /** The name {@code mp.messaging.incoming.job-events.consumer-rebalance-listener.name} refers to. */
    public static final String NAME = "job-event-backlog";
    private static final Logger LOG = Logger.getLogger(JobEventBacklog.class);

    private final Clock clock;
    /** Per assigned partition: its end offset when it was assigned. */
    private final Map<TopicPartition, Long> endAtAssignment = new HashMap<>();
    /** Per assigned partition: the offset of the next event to handle. */
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private boolean assigned;
    private int retrying;
    private Instant caughtUpSince;

    @Inject
    JobEventBacklog() {
        this(Clock.systemUTC());
    }

    JobEventBacklog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = partitions.isEmpty() ? Map.of() : consumer.endOffsets(partitions);
        long behind = 0;
        synchronized (this) {
            for (TopicPartition partition : partitions) {
                long position = consumer.position(partition);
                long end = Math.max(position, ends.getOrDefault(partition, position));
                endAtAssignment.put(partition, end);
                next.put(partition, position);
                behind += end - position;
            }
            assigned = true;
            update();
        }
        LOG.infof("job events: partitions %s assigned %d ms after the catalog started, %d event(s) to catch up with",
                partitions, ManagementFactory.getRuntimeMXBean().getUptime(), behind);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    private synchronized void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> {
            endAtAssignment.remove(partition);
            next.remove(partition);
        });
        assigned = !endAtAssignment.isEmpty();
        update();
    }

    /** The event at {@code offset} of {@code partition} was applied, or skipped for good. */
    synchronized void handled(String topic, int partition, long offset) {
        next.computeIfPresent(new TopicPartition(topic, partition), (p, previous) -> Math.max(previous, offset + 1));
        update();
    }

    /** An event failed and waits for a retry: the catalog is behind until it went through. */
    @Override
    public synchronized void retrying() {
        retrying++;
        update();
    }

    @Override
    public synchronized void settled() {
        retrying--;
        update();
    }

    /** @return whether this replica has been caught up with the job events for at least {@code duration} */
    public synchronized boolean caughtUpFor(Duration duration) {
        return caughtUpSince != null && !caughtUpSince.plus(duration).isAfter(clock.instant());
    }

    /** @return whether this replica is caught up with the job events right now */
    public synchronized boolean caughtUp() {
        return caughtUpSince != null;
    }

    private void update() {
        boolean caughtUp = assigned && retrying == 0
                && endAtAssignment.entrySet().stream().allMatch(end -> next.get(end.getKey()) >= end.getValue());
        if (caughtUp && caughtUpSince == null) {
            caughtUpSince = clock.instant();
            LOG.infof("job events: caught up %d ms after the catalog started",
                    ManagementFactory.getRuntimeMXBean().getUptime());
        } else if (!caughtUp && caughtUpSince != null) {
            caughtUpSince = null;
            LOG.infof("job events: behind (%s), leases are not judged until caught up again",
                    retrying > 0 ? "an event waits for a retry" : "partitions being assigned");
        }
    }
}
