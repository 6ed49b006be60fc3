package io.snapkeep.scheduler.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.snapkeep.messages.Topics;

/**
 * The real {@code snapkeep.snapshot-requests} topic, read with a plain Kafka client. The scheduler waits for Kafka's
 * ack before a tick returns, so what a tick sent is exactly what lies between the end offsets before and after it.
 */
public final class RequestTopic implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    public RequestTopic(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props);
        partitions = consumer.partitionsFor(Topics.SNAPSHOT_REQUESTS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(Topics.SNAPSHOT_REQUESTS, p.partition())).toList();
        consumer.assign(partitions);
    }

    /** Runs {@code action} and returns the requests sent meanwhile, each with its key as {@code "key"}. */
    public List<JsonNode> sentDuring(Runnable action) {
        Map<TopicPartition, Long> before = consumer.endOffsets(partitions);
        action.run();
        Map<TopicPartition, Long> after = consumer.endOffsets(partitions);
        List<JsonNode> sent = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            long from = before.get(partition);
            long to = after.get(partition);
            if (from == to) {
                continue;
            }
            consumer.seek(partition, from);
            while (consumer.position(partition) < to) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200)).records(partition)) {
                    if (record.offset() < to) {
                        sent.add(parse(record));
                    }
                }
            }
        }
        return sent;
    }

    private static JsonNode parse(ConsumerRecord<String, String> record) {
        try {
            return ((ObjectNode) JSON.readTree(record.value())).put("key", record.key());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON on " + Topics.SNAPSHOT_REQUESTS + ": " + record.value(), e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
