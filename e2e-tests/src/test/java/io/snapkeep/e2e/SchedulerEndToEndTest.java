package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.snapkeep.localstack.Ports;
import io.snapkeep.localstack.ServiceEnvironment;
import io.snapkeep.localstack.ServiceProcess;
import io.snapkeep.localstack.ServiceSpec;
import io.snapkeep.messages.Topics;

/**
 * Two scheduler replicas at once, ticking every 2 s against real Kafka and the real catalog, with a schedule firing
 * every minute: one snapshot per instance and slot, and the older ones pruned (archive gone from the store). The
 * schedulers are stopped when this class ends, so they prune nothing the other tests use.
 */
class SchedulerEndToEndTest {
    private static final List<ServiceProcess> SCHEDULERS = new ArrayList<>();

    @AfterAll
    static void stopSchedulers() {
        SCHEDULERS.forEach(ServiceProcess::stop);
    }

    @Test
    void twoSchedulersMakeOneSnapshotPerInstanceAndSlotAndPruneByPolicy() {
        RunningSystem system = RunningSystem.get();
        SourceDatabase source = SourceDatabase.create(system.stack.postgres());
        List<String> instances = List.of(Api.registerInstance(source.connection()),
                Api.registerInstance(source.connection()));
        for (String id : instances) {
            operator().contentType(ContentType.JSON)
                    .body(Map.of("custom", Map.of("cron", "* * * * *", "keepLast", 1)))
                    .put("/api/v1/instances/" + id + "/policy").then().statusCode(200);
        }
        startSchedulers(system);

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (String id : instances) {
                assertTrue(scheduled(id, "DELETED").size() >= 1, "a pruned snapshot of " + id);
                assertEquals(1, scheduled(id, "COMPLETED").size(), "keep-last 1 of " + id);
            }
        });
        stopSchedulers();

        for (String id : instances) {
            List<Map<String, Object>> all = new ArrayList<>(scheduled(id, null));
            all.addAll(scheduled(id, "DELETED"));
            List<String> slots = all.stream().map(s -> (String) s.get("name")).toList();
            assertEquals(slots.size(), new HashSet<>(slots).size(), "one snapshot per slot: " + slots);
            assertTrue(slots.size() >= 2, slots.toString());
            for (Map<String, Object> deleted : scheduled(id, "DELETED")) {
                String prefix = "snapshots/" + id + "/" + deleted.get("id") + "/";
                assertEquals(0, system.s3.listObjectsV2(b -> b.bucket(system.stack.bucket()).prefix(prefix))
                        .keyCount(), "the archive of a pruned snapshot left the store");
            }
            assertTrue(KafkaTopics.contains(system.stack.kafka().bootstrapServers(), Topics.SNAPSHOT_REQUESTS,
                    "scheduled:" + id + ":"), "asked for through Kafka");
        }
    }

    private static void startSchedulers(RunningSystem system) {
        Path repoRoot = Path.of(System.getProperty("snapkeep.repo.root", ".."));
        ServiceEnvironment env = system.environment;
        for (int i = 1; i <= 2; i++) {
            ServiceSpec spec = env.schedulerService(Ports.freePort(), "http://127.0.0.1:" + system.catalog().port());
            Map<String, String> environment = new HashMap<>(spec.environment());
            environment.put("SNAPKEEP_SCHEDULER_TICK_INTERVAL", "2s");
            environment.put("SNAPKEEP_SCHEDULER_SPREAD", "20s");
            SCHEDULERS.add(ServiceProcess.start(repoRoot, new ServiceSpec(spec.module(), spec.port(), environment),
                    system.logDir.resolve("scheduler-" + i), "192m"));
        }
    }

    /** The instance's scheduled snapshots with a status, or all but the DELETED ones (status null). */
    private static List<Map<String, Object>> scheduled(String instanceId, String status) {
        return operator().queryParam("instanceId", instanceId).queryParam("origin", "SCHEDULED")
                .queryParam("size", 500).queryParams(status == null ? Map.of() : Map.of("status", status))
                .get("/api/v1/snapshots").then().statusCode(200).extract().path("items");
    }
}
