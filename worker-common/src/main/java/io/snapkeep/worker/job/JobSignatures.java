package io.snapkeep.worker.job;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.snapkeep.messages.MessageSigner;
import io.snapkeep.messages.SignatureCheck;
import io.snapkeep.worker.config.SigningConfig;

/**
 * Verifies the signature headers of the job messages a worker takes and signs the job events it sends. Built at
 * startup, so that a missing or malformed key stops the worker before it takes any job.
 */
@Startup
@ApplicationScoped
public class JobSignatures {
    private static final String KEY_NAME = "snapkeep.messages.signing-key";

    private final MessageSigner signer;

    JobSignatures(SigningConfig config) {
        this.signer = MessageSigner.of(config.signingKeyId(), config.signingKey(), config.verifyKeys(), KEY_NAME);
    }

    /** Whether the Kafka record behind {@code message} carries a valid signature of its topic, key and payload. */
    public SignatureCheck check(Message<String> message) {
        Optional<IncomingKafkaRecordMetadata> record = message.getMetadata(IncomingKafkaRecordMetadata.class);
        if (record.isEmpty()) {
            return SignatureCheck.UNSIGNED;
        }
        IncomingKafkaRecordMetadata<?, ?> metadata = record.get();
        Headers headers = metadata.getHeaders();
        Object key = metadata.getKey();
        return signer.verify(metadata.getTopic(), key == null ? null : key.toString(), message.getPayload(), name -> {
            Header header = headers.lastHeader(name);
            return header == null ? null : header.value();
        });
    }

    /** The metadata that sends {@code payload} to {@code topic} under {@code key}, signed. */
    public OutgoingKafkaRecordMetadata<String> signed(String topic, String key, String payload) {
        List<RecordHeader> headers = signer.headers(topic, key, payload).entrySet().stream()
                .map(h -> new RecordHeader(h.getKey(), h.getValue())).toList();
        return OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).withKey(key).withHeaders(headers)
                .build();
    }
}
