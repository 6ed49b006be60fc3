package io.snapkeep.worker.support;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapkeep.messages.MessageSigner;

/**
 * Sends jobs the way the catalog does: JSON on a job topic, keyed by instance id, signed with the signing key, each
 * send waiting for Kafka. {@link #sendUnsigned} and {@link #sendForged} send what an intruder on Kafka could.
 */
public final class JobProducer implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final ObjectMapper mapper;
    private final String topic;
    private final MessageSigner signer;

    /** @param signingKey the base64 key jobs are signed with, under the key id {@code k1} */
    public JobProducer(String bootstrapServers, ObjectMapper mapper, String topic, String signingKey) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
        this.mapper = mapper;
        this.topic = topic;
        this.signer = MessageSigner.of("k1", signingKey, Map.of(), "the test signing key");
    }

    /** Sends {@code job} as JSON, signed. */
    public void send(String key, Object job) {
        sendRaw(key, json(job));
    }

    /** Sends {@code value} as it is, signed. */
    public void sendRaw(String key, String value) {
        send(record(key, value, signer.headers(topic, key, value)));
    }

    /** Sends {@code job} as JSON without signature headers. */
    public void sendUnsigned(String key, Object job) {
        send(record(key, json(job), Map.of()));
    }

    /** Sends {@code sent} as JSON with the genuine signature of {@code signed}: a message altered after signing. */
    public void sendForged(String key, Object sent, Object signed) {
        send(record(key, json(sent), signer.headers(topic, key, json(signed))));
    }

    private ProducerRecord<String, String> record(String key, String value, Map<String, byte[]> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, bytes) -> record.headers().add(name, bytes));
        return record;
    }

    private String json(Object job) {
        try {
            return mapper.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
