package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.snapkeep.messages.Topics;

/**
 * Kafka paused with SIGSTOP for {@link #PAUSE} while snapshots are asked for: the outbox relay's send times out
 * (after the outbox producer's delivery.timeout.ms, 10 s) and it sends the row again, though the broker, paused, may
 * hold the first copy and take it once resumed. A job may then reach the workers more than once; each copy is its
 * own claim writing its own archive, and each snapshot completes with the archive its checksum describes.
 */
class KafkaPauseTest {
    private static final Duration PAUSE = Duration.ofSeconds(60);
    private static final int SNAPSHOTS = 2;

    @Test
    void snapshotsAskedForWhileKafkaIsPausedCompleteOnceWithTheirOwnArchive() throws IOException,
            InterruptedException {
        RunningSystem system = RunningSystem.get();
        List<SourceDatabase> sources = new ArrayList<>();
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < SNAPSHOTS; i++) {
            SourceDatabase source = SourceDatabase.create(system.stack.postgres());
            sources.add(source);
            instances.add(Api.registerInstance(source.connection()));
        }
        String kafka = system.stack.kafka().bootstrapServers();
        Awaitility.await("the registrations' audit events published").atMost(Duration.ofSeconds(30))
                .until(() -> instances.stream().allMatch(id -> KafkaTopics.contains(kafka, Topics.AUDIT_EVENTS, id)));
        long logged = relayTimeouts(system);
        List<String> snapshots = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        system.pauseKafka();
        try {
            for (String instanceId : instances) {
                ExtractableResponse<Response> started = Api.snapshot(instanceId, null);
                snapshots.add(started.path("id"));
                jobs.add(started.path("jobId"));
            }
            Thread.sleep(PAUSE.toMillis());
        } finally {
            system.resumeKafka();
        }
        for (String snapshotId : snapshots) {
            ExtractableResponse<Response> done = Api.awaitEnded(snapshotId, Duration.ofMinutes(3));
            assertEquals("COMPLETED", done.path("status"), "error: " + done.path("error"));
        }
        assertTrue(relayTimeouts(system) > logged, "the relay's send timed out and it sent the row again");
        for (String jobId : jobs) {
            int sent = KafkaTopics.records(kafka, Topics.DUMP_JOBS, r -> r.value().contains(jobId)).size();
            System.out.printf("job %s: %d cop(ies) on %s, %d claim(s)%n", jobId, sent, Topics.DUMP_JOBS,
                    JobEventsOnTopic.count(system, jobId, "CLAIMED", 1));
            operator().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("SUCCEEDED"))
                    .body("attempt", equalTo(1));
        }
        for (int i = 0; i < SNAPSHOTS; i++) {
            String prefix = "snapshots/" + instances.get(i) + "/" + snapshots.get(i) + "/";
            Awaitility.await("only the holding claim's archive and checksum under " + prefix)
                    .atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(2, system.s3
                            .listObjectsV2(b -> b.bucket(system.stack.bucket()).prefix(prefix)).keyCount()));
        }
        for (int i = 0; i < SNAPSHOTS; i++) {
            FaultChecks.hold(system, sources.get(i), instances.get(i));
        }
    }

    /** How many times the catalog's log says the relay's send failed and the row waits for the next pass. */
    private static long relayTimeouts(RunningSystem system) throws IOException {
        try (Stream<String> lines = Files.lines(system.catalog().logFile())) {
            return lines.filter(line -> line.contains("Kafka did not take outbox row")
                    && line.contains(Topics.DUMP_JOBS)).count();
        }
    }
}
