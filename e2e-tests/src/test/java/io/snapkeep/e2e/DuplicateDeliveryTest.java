package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.messages.ArchiveChecksum;
import io.snapkeep.messages.Topics;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A dump job delivered twice, as an outbox resend after a send that timed out but reached the broker makes it: the
 * signed record read back from {@code snapkeep.dump-jobs} and written again, identical, while the first copy's
 * pg_dump waits on a lock, so that both claims of the attempt run at once. One snapshot comes out, COMPLETED once,
 * whose archive is the one its checksum describes; the losing claim's archive is gone.
 */
class DuplicateDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @Test
    void aDumpJobDeliveredTwiceCompletesOnceWithTheArchiveItsChecksumDescribes() throws Exception {
        RunningSystem system = RunningSystem.get();
        PostgresServer postgres = system.stack.postgres();
        String kafka = system.stack.kafka().bootstrapServers();
        SourceDatabase source = SourceDatabase.create(postgres);
        String instanceId = Api.registerInstance(source.connection());

        TableLock.hold(postgres, source.name);
        String snapshotId;
        String jobId;
        try {
            ExtractableResponse<Response> started = Api.snapshot(instanceId, null);
            snapshotId = started.path("id");
            jobId = started.path("jobId");
            ConsumerRecord<String, String> job = awaitRecords(kafka, Topics.DUMP_JOBS, jobId, "", 1).get(0);
            KafkaTopics.resend(kafka, job);
            awaitRecords(kafka, Topics.JOB_EVENTS, jobId, "CLAIMED", 2);
        } finally {
            TableLock.release(postgres);
        }

        ExtractableResponse<Response> done = Api.awaitEnded(snapshotId, Duration.ofMinutes(3));
        assertEquals("COMPLETED", done.path("status"), "error: " + done.path("error"));
        List<JsonNode> claims = events(awaitRecords(kafka, Topics.JOB_EVENTS, jobId, "CLAIMED", 2));
        List<JsonNode> successes = events(awaitRecords(kafka, Topics.JOB_EVENTS, jobId, "SUCCEEDED", 2));
        assertEquals(2, claims.stream().map(e -> e.get("claimId").asText()).distinct().count(), "two claims ran");
        String holder = claims.get(0).get("claimId").asText();
        String kept = successes.stream().filter(e -> e.get("claimId").asText().equals(holder)).findFirst()
                .orElseThrow().get("objectKey").asText();
        String prefix = "snapshots/" + instanceId + "/" + snapshotId + "/";
        Awaitility.await().atMost(SETTLE).untilAsserted(() -> assertEquals(
                Set.of(kept, ArchiveChecksum.keyOf(kept)), objectsUnder(system, prefix),
                "only the holding claim's archive and its checksum are left"));
        assertTrue(system.s3.listMultipartUploads(b -> b.bucket(system.stack.bucket()).prefix(prefix)).uploads()
                .isEmpty(), "no multipart upload left");

        assertEquals(done.<String>path("storage.storedSha256"), sha256(system, kept), "the kept object is the one"
                + " its checksum describes");
        operator().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("SUCCEEDED"))
                .body("attempt", equalTo(1));
        assertEquals(1, awaitRecords(kafka, Topics.SNAPSHOT_EVENTS, snapshotId, "COMPLETED", 1).size(),
                "COMPLETED announced once");
        operator().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));
        FaultChecks.hold(system, source, instanceId);
    }

    /** Waits until the topic holds at least {@code count} records naming {@code id} and {@code text}. */
    private static List<ConsumerRecord<String, String>> awaitRecords(String kafka, String topic, String id,
            String text, int count) {
        Awaitility.await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(() -> KafkaTopics
                .records(kafka, topic, r -> r.value().contains(id) && r.value().contains(text)).size() >= count);
        return KafkaTopics.records(kafka, topic, r -> r.value().contains(id) && r.value().contains(text));
    }

    private static List<JsonNode> events(List<ConsumerRecord<String, String>> records) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            events.add(JSON.readTree(record.value()));
        }
        return events;
    }

    private static Set<String> objectsUnder(RunningSystem system, String prefix) {
        return system.s3.listObjectsV2Paginator(b -> b.bucket(system.stack.bucket()).prefix(prefix)).contents()
                .stream().map(S3Object::key).collect(Collectors.toSet());
    }

    private static String sha256(RunningSystem system, String key) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(system.s3.getObjectAsBytes(b -> b.bucket(system.stack.bucket()).key(key)).asByteArray());
        return HexFormat.of().formatHex(digest.digest());
    }
}
