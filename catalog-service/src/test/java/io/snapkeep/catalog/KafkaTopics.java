package io.snapkeep.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

import io.snapkeep.messages.MessageSigner;
import io.snapkeep.messages.SignatureCheck;

/**
 * A plain Kafka client on the test's real broker: sends JSON (signed with the test key, or unsigned or forged for the
 * tests of refusals), and reads a topic back from its beginning.
 */
final class KafkaTopics {
    private KafkaTopics() {
    }

    /** Sends {@code json} signed with the test profile's signing key, as the catalog and the workers do. */
    static void send(String topic, String key, String json) {
        send(new ProducerRecord<>(topic, key, json), signer().headers(topic, key, json));
    }

    /** Sends {@code json} without signature headers. */
    static void sendUnsigned(String topic, String key, String json) {
        send(new ProducerRecord<>(topic, key, json), Map.of());
    }

    /** Sends {@code json} with the genuine signature of {@code signedJson}: a message altered after signing. */
    static void sendForged(String topic, String key, String json, String signedJson) {
        send(new ProducerRecord<>(topic, key, json), signer().headers(topic, key, signedJson));
    }

    /** Whether the record carries a valid signature of the test profile's signing key. */
    static boolean signed(ConsumerRecord<String, String> record) {
        return signer().verify(record.topic(), record.key(), record.value(), name -> {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : header.value();
        }) == SignatureCheck.VALID;
    }

    private static void send(ProducerRecord<String, String> record, Map<String, byte[]> headers) {
        headers.forEach((name, value) -> record.headers().add(name, value));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    private static MessageSigner signer() {
        return MessageSigner.of("k1", ConfigProvider.getConfig().getValue("snapkeep.messages.signing-key",
                String.class), Map.of(), "snapkeep.messages.signing-key");
    }

    /** Waits until the topic holds at least {@code count} records matching, and returns all that match. */
    static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> match,
            int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.clear();
            found.addAll(readAll(topic, match));
            return found.size() >= count;
        });
        return found;
    }

    static List<ConsumerRecord<String, String>> readAll(String topic, Predicate<ConsumerRecord<String, String>> match) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (match.test(r)) {
                        records.add(r);
                    }
                });
            }
        }
        return records;
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
