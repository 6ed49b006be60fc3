package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.snapkeep.localstack.LocalStack;
import io.snapkeep.localstack.PostgresServer;

/**
 * The catalog's database refuses connections for longer than a lease ({@code ALLOW_CONNECTIONS false} and the
 * catalog's sessions terminated) while the worker's heartbeats and SUCCEEDED arrive: the events wait and are applied
 * once it is back, and the snapshot completes from its first attempt.
 */
class CatalogDatabaseOutageTest {
    private static final Duration OUTAGE = Duration.ofSeconds(12);

    @Test
    void aResultThatArrivesWhileTheCatalogDatabaseIsAwayIsAppliedOnceItIsBack() throws IOException,
            InterruptedException {
        RunningSystem system = RunningSystem.get();
        PostgresServer postgres = system.stack.postgres();
        SourceDatabase source = SourceDatabase.create(postgres);
        String instanceId = Api.registerInstance(source.connection());
        TableLock.hold(postgres, source.name);
        String snapshotId;
        String jobId;
        long away;
        try {
            ExtractableResponse<Response> started = Api.snapshot(instanceId, null);
            snapshotId = started.path("id");
            jobId = started.path("jobId");
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> operator()
                    .get("/api/v1/jobs/" + jobId).then().body("status", equalTo("RUNNING")));
            away = System.nanoTime();
            refuseCatalogConnections(postgres);
        } finally {
            TableLock.release(postgres);
        }
        try {
            JobEventsOnTopic.await(system, jobId, "SUCCEEDED", 1, Duration.ofSeconds(60));
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - away).toMillis()));
        } finally {
            postgres.psql("postgres", "alter database " + LocalStack.CATALOG_DATABASE + " with allow_connections true");
        }

        ExtractableResponse<Response> done = Api.awaitEnded(snapshotId, Duration.ofMinutes(2));
        assertEquals("COMPLETED", done.path("status"), "error: " + done.path("error"));
        operator().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("SUCCEEDED"))
                .body("attempt", equalTo(1));
        assertEquals(0, JobEventsOnTopic.count(system, jobId, "CLAIMED", 2), "no attempt 2 was dispatched");
        FaultChecks.hold(system, source, instanceId);
    }

    private static void refuseCatalogConnections(PostgresServer postgres) {
        postgres.psql("postgres", "alter database " + LocalStack.CATALOG_DATABASE + " with allow_connections false");
        postgres.psql("postgres", "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                + LocalStack.CATALOG_DATABASE + "' and pid <> pg_backend_pid()");
    }
}
