package io.snapkeep.worker.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.JobEventType;
import io.snapkeep.messages.Topics;

/** Reads {@code snapkeep.job-events} back with a plain Kafka consumer of its own group, from the beginning. */
public final class JobEventLog implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final ObjectMapper mapper;
    private final Map<String, List<JobEvent>> byJob = new ConcurrentHashMap<>();
    private final Map<String, List<String>> raw = new ConcurrentHashMap<>();

    public JobEventLog(String bootstrapServers, ObjectMapper mapper) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(props);
        this.consumer.subscribe(List.of(Topics.JOB_EVENTS));
        this.mapper = mapper;
    }

    /** Waits until {@code jobId} has a final event (SUCCEEDED, FAILED or CANCELLED) and returns all its events in order. */
    public synchronized List<JobEvent> awaitFinal(String jobId, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            poll();
            return events(jobId).stream().anyMatch(e -> e.type() == JobEventType.SUCCEEDED
                    || e.type() == JobEventType.FAILED || e.type() == JobEventType.CANCELLED);
        });
        return events(jobId);
    }

    /** Waits until attempt {@code attempt} of {@code jobId} has a final event and returns that attempt's events in order. */
    public synchronized List<JobEvent> awaitFinal(String jobId, int attempt, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            poll();
            return events(jobId).stream().anyMatch(e -> e.attempt() == attempt && (e.type() == JobEventType.SUCCEEDED
                    || e.type() == JobEventType.FAILED || e.type() == JobEventType.CANCELLED));
        });
        return events(jobId).stream().filter(e -> e.attempt() == attempt).toList();
    }

    /** Collects the events of {@code jobId} for {@code period}, then returns them in order. */
    public synchronized List<JobEvent> awaitEvents(String jobId, Duration period) {
        await().during(period).atMost(period.plusSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
            poll();
            return true;
        });
        return events(jobId);
    }

    public List<JobEvent> events(String jobId) {
        return List.copyOf(byJob.getOrDefault(jobId, List.of()));
    }

    /** The JSON of each event of {@code jobId}, as written to Kafka. */
    public List<String> rawEvents(String jobId) {
        return List.copyOf(raw.getOrDefault(jobId, List.of()));
    }

    private void poll() throws JsonProcessingException {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
            JobEvent event = mapper.readValue(record.value(), JobEvent.class);
            if (!event.jobId().equals(record.key())) {
                throw new AssertionError("event of job " + event.jobId() + " keyed " + record.key());
            }
            byJob.computeIfAbsent(event.jobId(), k -> new ArrayList<>()).add(event);
            raw.computeIfAbsent(event.jobId(), k -> new ArrayList<>()).add(record.value());
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
