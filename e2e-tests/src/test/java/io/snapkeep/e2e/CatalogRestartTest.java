package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.messages.Topics;

/**
 * SIGKILL of the catalog mid-dump, started again at once: the dump ends while it is down, its lease expires meanwhile,
 * and the catalog must apply the SUCCEEDED waiting in Kafka rather than dispatch the job again.
 */
class CatalogRestartTest {

    @Test
    void aDumpThatEndsWhileTheCatalogIsDownCompletesFromItsFirstAttempt() throws IOException {
        RunningSystem system = RunningSystem.get();
        PostgresServer postgres = system.stack.postgres();
        SourceDatabase source = SourceDatabase.create(postgres);
        String instanceId = Api.registerInstance(source.connection());
        TableLock.hold(postgres, source.name);
        String snapshotId;
        String jobId;
        Set<String> before;
        try {
            ExtractableResponse<Response> started = Api.snapshot(instanceId, null);
            snapshotId = started.path("id");
            jobId = started.path("jobId");
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> operator()
                    .get("/api/v1/jobs/" + jobId).then().body("status", equalTo("RUNNING")));
            before = eventReaders(system);
            system.killCatalog();
        } finally {
            TableLock.release(postgres);
        }
        long killed = System.nanoTime();
        system.restartCatalog();
        long ready = millisSince(killed);
        assertTrue(ready > Duration.parse("PT" + RunningSystem.LEASE).toMillis(),
                "the lease of attempt 1 had expired when the catalog was back");
        assertEquals(1, JobEventsOnTopic.count(system, jobId, "SUCCEEDED", 1),
                "the worker sent SUCCEEDED while the catalog was down");
        Awaitility.await("a new catalog consumer reading the job events").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    Set<String> now = eventReaders(system);
                    return !now.isEmpty() && now.stream().noneMatch(before::contains);
                });
        long assigned = millisSince(killed);
        ExtractableResponse<Response> done = Api.awaitEnded(snapshotId, Duration.ofMinutes(2));
        System.out.printf("catalog killed and started again at once: ready %d ms, job events assigned %d ms,"
                + " snapshot %s %d ms after the kill%n", ready, assigned, done.path("status"), millisSince(killed));
        assertEquals("COMPLETED", done.path("status"), "error: " + done.path("error"));
        operator().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("SUCCEEDED"))
                .body("attempt", equalTo(1));
        assertEquals(1, JobEventsOnTopic.count(system, jobId, "CLAIMED", 1), "attempt 1 ran once");
        assertEquals(0, JobEventsOnTopic.count(system, jobId, "CLAIMED", 2), "no attempt 2 was dispatched");
        FaultChecks.hold(system, source, instanceId);
    }

    private static Set<String> eventReaders(RunningSystem system) {
        return ConsumerGroups.membersReading(system.stack.kafka().bootstrapServers(), "snapkeep-catalog",
                Topics.JOB_EVENTS);
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
