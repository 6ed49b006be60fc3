package io.snapkeep.e2e;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapkeep.messages.Topics;

/** The job events the workers wrote to {@code snapkeep.job-events} for one job, read back with a plain client. */
final class JobEventsOnTopic {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JobEventsOnTopic() {
    }

    /** Every event of {@code jobId}, in the order its partition holds them. */
    static List<JsonNode> of(RunningSystem system, String jobId) {
        return KafkaTopics.records(system.stack.kafka().bootstrapServers(), Topics.JOB_EVENTS,
                r -> jobId.equals(r.key())).stream().map(r -> read(r.value())).toList();
    }

    /** How many events of {@code type} the workers sent for {@code attempt} of {@code jobId}. */
    static long count(RunningSystem system, String jobId, String type, int attempt) {
        return of(system, jobId).stream()
                .filter(e -> e.get("type").asText().equals(type) && e.get("attempt").asInt() == attempt).count();
    }

    /** Waits until a worker sent {@code type} for {@code attempt} of {@code jobId}. */
    static void await(RunningSystem system, String jobId, String type, int attempt, Duration atMost) {
        Awaitility.await(type + " of job " + jobId + " attempt " + attempt + " on the topic").atMost(atMost)
                .pollInterval(Duration.ofMillis(500)).until(() -> count(system, jobId, type, attempt) > 0);
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
