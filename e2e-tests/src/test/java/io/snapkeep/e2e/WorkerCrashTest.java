package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.snapkeep.localstack.PostgresServer;

class WorkerCrashTest {
    private static final String LOCK_HOLDER = "snapkeep-e2e-lock-holder";

    @Test
    void aSnapshotWhoseWorkerDiesIsDumpedAgainByAnotherWorker() throws IOException {
        RunningSystem system = RunningSystem.get();
        PostgresServer postgres = system.stack.postgres();
        SourceDatabase source = SourceDatabase.create(postgres);
        String instanceId = Api.registerInstance(source.connection());

        holdExclusiveLock(postgres, source.name);
        String jobId;
        String snapshotId;
        try {
            ExtractableResponse<Response> started = Api.snapshot(instanceId, null);
            snapshotId = started.path("id");
            jobId = started.path("jobId");
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> operator().get("/api/v1/jobs/" + jobId)
                    .then().body("status", equalTo("RUNNING")).body("workerId", notNullValue()));
            String holder = operator().get("/api/v1/jobs/" + jobId).then().extract().path("workerId");
            int victim = holder.equals(RunningSystem.workerId(1)) ? 1 : 2;
            system.killWorker(victim);
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> operator().get("/api/v1/jobs/" + jobId)
                    .then().body("attempt", equalTo(2)));
            releaseLock(postgres);
            ExtractableResponse<Response> done = Api.awaitEnded(snapshotId, Duration.ofMinutes(3));
            assertEquals("COMPLETED", done.path("status"), "error: " + done.path("error"));
            system.restartWorker(victim);
        } finally {
            releaseLock(postgres);
        }
        operator().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("SUCCEEDED")).body("attempt", equalTo(2));
    }

    /** A session that holds an exclusive lock on a table, so pg_dump waits until {@link #releaseLock} ends it. */
    private static void holdExclusiveLock(PostgresServer postgres, String database) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of("psql", "-X", "-q", "-h", postgres.host(), "-p",
                String.valueOf(postgres.port()), "-U", postgres.superuser(), "-d", database, "-c",
                "begin; lock table extra.notes in access exclusive mode; select pg_sleep(600);"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PGPASSWORD", postgres.password());
        builder.environment().put("PGAPPNAME", LOCK_HOLDER);
        builder.start();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> postgres.psql(database,
                "select count(*) from pg_locks l join pg_class c on c.oid = l.relation "
                        + "where c.relname = 'notes' and l.mode = 'AccessExclusiveLock' and l.granted").trim()
                .equals("1"));
    }

    /** Ends the lock holder's backend: ending the psql client alone would leave it sleeping with the lock. */
    private static void releaseLock(PostgresServer postgres) {
        postgres.psql("postgres", "select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                + LOCK_HOLDER + "'");
    }
}
