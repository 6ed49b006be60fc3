package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.snapkeep.localstack.PostgresServer;

/**
 * A restore-worker SIGKILLed while a parallel restore (its archive downloaded to the spool directory) runs leaves the
 * temporary archive behind; started again, it deletes it before it takes work. The job goes on as attempt 2, which the
 * test cancels; the target stays as it was.
 */
class RestoreWorkerRestartTest {

    @Test
    void aRestartedRestoreWorkerDeletesTheTemporaryArchiveItsKilledRunLeft() throws IOException {
        RunningSystem system = RunningSystem.get();
        PostgresServer postgres = system.stack.postgres();
        SourceDatabase source = SourceDatabase.create(postgres);
        SlowRestores.install(source);
        String instanceId = Api.registerInstance(source.connection());
        ExtractableResponse<Response> started = Api.snapshot(instanceId, Map.of("format", "custom"));
        assertEquals("COMPLETED", Api.awaitEnded(started.path("id"), Duration.ofMinutes(3)).path("status"));
        String before = SourceDatabase.fingerprint(postgres, source.name);
        String jobId = operator().contentType(ContentType.JSON).body(Map.of("confirm", "RESTORE", "parallelJobs", 2))
                .post("/api/v1/snapshots/" + started.path("id") + "/restore").then().statusCode(202).extract()
                .path("id");
        SlowRestores.awaitSleeping(postgres, source);
        List<Path> spooled = spooled(system);
        assertEquals(1, spooled.size(), "the parallel restore reads a temporary archive: " + spooled);

        system.killRestoreWorker();
        assertTrue(Files.exists(spooled.get(0)), "the killed worker left its temporary archive");
        system.restartRestoreWorker(Map.of());

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> !Files.exists(spooled.get(0)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> operator().get("/api/v1/jobs/" + jobId).then().body("attempt", equalTo(2))
                        .body("status", equalTo("RUNNING")));
        SlowRestores.awaitSleeping(postgres, source);
        operator().post("/api/v1/jobs/" + jobId + "/cancel").then().statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> operator().get("/api/v1/jobs/" + jobId).then()
                        .body("status", equalTo("CANCELLED")));
        assertEquals(List.of(), spooled(system), "no temporary archive is left");
        assertEquals(before, SourceDatabase.fingerprint(postgres, source.name), "the target is as it was");
        FaultChecks.hold(system, source, instanceId);
    }

    private static List<Path> spooled(RunningSystem system) throws IOException {
        try (Stream<Path> files = Files.list(system.restoreSpool)) {
            return files.filter(f -> f.getFileName().toString().startsWith("snapkeep-restore-")).toList();
        }
    }
}
