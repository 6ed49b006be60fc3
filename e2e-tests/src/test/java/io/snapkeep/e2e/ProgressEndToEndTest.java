package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.snapkeep.messages.ArchiveChecksum;
import io.snapkeep.messages.Topics;

/**
 * A real dump reports what it expects to move (the database's size, read by the dump-worker with pg_database_size)
 * and the job keeps it; a real in-place restore reports the archive's size and passes through its phases in order,
 * as read back from {@code snapkeep.job-events}.
 */
class ProgressEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDumpReportsTheDatabaseSizeAndARestoreItsPhasesInOrder() throws Exception {
        RunningSystem system = RunningSystem.get();
        String kafka = system.stack.kafka().bootstrapServers();
        SourceDatabase source = SourceDatabase.create(system.stack.postgres());
        String instanceId = Api.registerInstance(source.connection());
        long databaseSize = Long.parseLong(system.stack.postgres().psql("postgres",
                "select pg_database_size('" + source.name + "')").trim());

        ExtractableResponse<Response> started = Api.snapshot(instanceId, null);
        ExtractableResponse<Response> done = Api.awaitEnded(started.path("id"), Duration.ofMinutes(3));
        assertEquals("COMPLETED", done.path("status"), "error: " + done.path("error"));
        String dumpJob = started.path("jobId");
        long expected = ((Number) operator().get("/api/v1/jobs/" + dumpJob).then().extract().path("expectedBytes"))
                .longValue();
        assertTrue(Math.abs(expected - databaseSize) < databaseSize / 10, "the dump expected about the database's "
                + databaseSize + " bytes: " + expected);
        assertTrue(events(kafka, dumpJob).stream().anyMatch(e -> e.path("expectedBytes").asLong() == expected),
                "a job event of the dump carries it");

        String restoreJob = operator().contentType(ContentType.JSON).body(Map.of("confirm", "RESTORE"))
                .post("/api/v1/snapshots/" + started.path("id") + "/restore").then().statusCode(202).extract()
                .path("id");
        Api.awaitJob(restoreJob, "SUCCEEDED");

        List<String> phases = new ArrayList<>();
        for (JsonNode event : events(kafka, restoreJob)) {
            String phase = event.path("phase").asText(null);
            if (phase != null && (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase))) {
                phases.add(phase);
            }
        }
        assertEquals(List.of("downloading", "restoring", "checking", "swapping"), phases);
        String prefix = "snapshots/" + instanceId + "/" + started.path("id") + "/";
        long stored = system.s3.listObjectsV2Paginator(b -> b.bucket(system.stack.bucket()).prefix(prefix)).contents()
                .stream().filter(o -> !o.key().endsWith(ArchiveChecksum.SUFFIX)).findFirst().orElseThrow().size();
        assertEquals(stored, ((Number) operator().get("/api/v1/jobs/" + restoreJob).then().extract()
                .path("expectedBytes")).longValue(), "a restore expects the stored object's size, as it counts progress");
        FaultChecks.hold(system, source, instanceId);
    }

    private static List<JsonNode> events(String kafka, String jobId) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KafkaTopics.records(kafka, Topics.JOB_EVENTS,
                r -> jobId.equals(r.key()))) {
            events.add(JSON.readTree(record.value()));
        }
        return events;
    }
}
