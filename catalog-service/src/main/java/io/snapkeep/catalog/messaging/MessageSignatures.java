package io.snapkeep.catalog.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.messages.MessageSigner;
import io.snapkeep.messages.SignatureCheck;

/**
 * Signs what the catalog publishes and verifies the job events it reads, with {@code snapkeep.messages.*}. Built at
 * start: without a valid {@code snapkeep.messages.signing-key} the service refuses to start (dev and test profiles
 * carry a fixed key).
 */
@Startup
@ApplicationScoped
public class MessageSignatures {
    private static final String KEY_NAME = "snapkeep.messages.signing-key";

    private final MessageSigner signer;

    public MessageSignatures(CatalogConfig config) {
        CatalogConfig.Messages messages = config.messages();
        String key = messages.signingKey().orElseThrow(() -> new IllegalStateException(KEY_NAME + " is not set: "
                + "give the base64 of 32 random bytes (openssl rand -base64 32) in SNAPKEEP_MESSAGES_SIGNING_KEY, the "
                + "same to the catalog and the workers"));
        this.signer = MessageSigner.of(messages.signingKeyId(), key, messages.verifyKeys(), KEY_NAME);
    }

    /** The metadata that sends {@code payload} to {@code topic} under {@code key}, signed. */
    public OutgoingKafkaRecordMetadata<String> signed(String topic, String key, String payload) {
        List<RecordHeader> headers = signer.headers(topic, key, payload).entrySet().stream()
                .map(h -> new RecordHeader(h.getKey(), h.getValue())).toList();
        return OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).withKey(key).withHeaders(headers)
                .build();
    }

    /** Whether the record's headers sign exactly its topic, key and {@code payload}. */
    public SignatureCheck check(IncomingKafkaRecordMetadata<?, ?> record, String payload) {
        Headers headers = record.getHeaders();
        Object key = record.getKey();
        return signer.verify(record.getTopic(), key == null ? null : key.toString(), payload, name -> {
            Header header = headers.lastHeader(name);
            return header == null ? null : header.value();
        });
    }
}
