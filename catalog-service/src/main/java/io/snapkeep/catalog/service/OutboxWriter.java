package io.snapkeep.catalog.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.OutboxMessage;
import io.snapkeep.catalog.repository.OutboxRepository;

/** Appends a message to the outbox inside the caller's transaction. */
@ApplicationScoped
public class OutboxWriter {
    private final OutboxRepository outbox;
    private final ObjectMapper json;

    public OutboxWriter(OutboxRepository outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public Uni<OutboxMessage> append(String topic, String key, Object message) {
        OutboxMessage row = new OutboxMessage();
        row.topic = topic;
        row.messageKey = key;
        row.createdAt = Instant.now();
        try {
            row.payload = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("could not serialise a " + topic + " message", e));
        }
        return outbox.persist(row);
    }
}
