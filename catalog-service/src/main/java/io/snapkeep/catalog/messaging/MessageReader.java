package io.snapkeep.catalog.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a JSON message into its record, and describes a failure without echoing the message. */
final class MessageReader {
    private MessageReader() {
    }

    static <T> T read(ObjectMapper json, String payload, Class<T> type) {
        if (payload == null) {
            throw new IllegalArgumentException("empty message");
        }
        try {
            return json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + " message: "
                    + e.getOriginalMessage());
        }
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
