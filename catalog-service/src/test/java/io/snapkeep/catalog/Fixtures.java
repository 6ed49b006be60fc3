package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.snapkeep.messages.Topics;

/** Registers instances and starts snapshots through the API. */
public final class Fixtures {
    static final String PASSWORD = "Tr1cky-p@ss-" + UUID.randomUUID();

    private Fixtures() {
    }

    static Map<String, Object> instanceBody(String name) {
        return Map.of("name", name, "engine", "postgresql", "policy", "professional",
                "connection", Map.of("host", "127.0.0.1", "port", 5432, "database", "app", "username", "app",
                        "password", PASSWORD, "sslmode", "disable"));
    }

    public static String registerInstance() {
        return asAdmin().contentType(ContentType.JSON).body(instanceBody("db-" + UUID.randomUUID()))
                .post("/api/v1/instances").then().statusCode(201).extract().path("id");
    }

    /** @return the snapshot's id and its job's id */
    static String[] startSnapshot(String instanceId) {
        var response = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("instanceId", instanceId, "name", "before-upgrade"))
                .post("/api/v1/snapshots").then().statusCode(202).extract();
        return new String[] { response.path("id"), response.path("jobId") };
    }

    /** A snapshot brought to COMPLETED by the events a dump-worker would send. */
    static String completedSnapshot(String instanceId) {
        String[] started = startSnapshot(instanceId);
        KafkaTopics.send(Topics.JOB_EVENTS, started[1], SnapshotApiTest.event(started[1], 1, "CLAIMED", 0, null, null));
        KafkaTopics.send(Topics.JOB_EVENTS, started[1],
                WorkerArchives.succeeded(started[1], 1024, "cd".repeat(32)));
        SnapshotApiTest.awaitJob(started[1], "SUCCEEDED");
        return started[0];
    }
}
