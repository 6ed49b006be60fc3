package io.snapkeep.scheduler.schedule;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.snapkeep.messages.SnapshotRequest;

/** Sends snapshot requests to {@code snapkeep.snapshot-requests}, keyed by instance id, and waits for Kafka's ack. */
@ApplicationScoped
public class SnapshotRequests {
    static final String CHANNEL = "snapshot-requests";

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;

    public SnapshotRequests(@Channel(CHANNEL) MutinyEmitter<String> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    public void send(SnapshotRequest request) {
        String payload;
        try {
            payload = json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a snapshot request", e);
        }
        emitter.sendMessageAndAwait(Message.of(payload).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(request.instanceId()).build()));
    }
}
