package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.snapkeep.localstack.LocalStack;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.Topics;

/** The test profile keeps previous copies 1 s and sweeps every 500 ms. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class RestoreApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "restore", "", " ", "RESTORE " })
    void anythingButTheExactConfirmationIsRefused(String confirm) {
        String snapshotId = Fixtures.completedSnapshot(Fixtures.registerInstance());
        Map<String, Object> body = new HashMap<>();
        body.put("confirm", confirm);
        asAdmin().contentType(ContentType.JSON).body(body).post("/api/v1/snapshots/" + snapshotId + "/restore")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("confirm"))
                .body("detail", containsString("type RESTORE"));
    }

    @Test
    void onlyCompletedSnapshotsCanBeRestored() {
        String[] started = Fixtures.startSnapshot(Fixtures.registerInstance());
        restore(started[0], Map.of("confirm", "RESTORE")).then().statusCode(409)
                .body("detail", containsString("only COMPLETED snapshots"));
        restore(UUID.randomUUID().toString(), Map.of("confirm", "RESTORE")).then().statusCode(404);
    }

    @Test
    void aRestoreMakesTheInstanceRestoringAndRefusesOtherJobsUntilItEnds() throws Exception {
        String instanceId = Fixtures.registerInstance();
        String snapshotId = Fixtures.completedSnapshot(instanceId);
        String jobId = restore(snapshotId, Map.of("confirm", "RESTORE")).then().statusCode(202)
                .body("type", equalTo("RESTORE")).body("status", equalTo("QUEUED"))
                .body("instanceId", equalTo(instanceId)).extract().path("id");
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("RESTORING"));
        restore(snapshotId, Map.of("confirm", "RESTORE")).then().statusCode(409)
                .body("detail", containsString("RESTORING"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("instanceId", instanceId, "name", "during"))
                .post("/api/v1/snapshots").then().statusCode(409);

        String value = KafkaTopics.await(Topics.RESTORE_JOBS, r -> r.value().contains(jobId), 1).get(0).value();
        assertFalse(value.contains(Fixtures.PASSWORD), "no plaintext password on Kafka");
        JsonNode job = JSON.readTree(value);
        assertEquals("IN_PLACE", job.get("mode").asText());
        assertEquals("cd".repeat(32), job.get("sha256").asText());
        assertEquals("app__restore_" + jobId.substring(0, 8) + "_1", job.get("sideDatabase").asText());
        String previous = job.get("previousDatabase").asText();
        assertTrue(previous.startsWith("app__prev_"), previous);
        assertEquals(1, job.get("options").get("parallelJobs").asInt());

        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "CLAIMED", 0, null, null));
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "SUCCEEDED", 1024, "cd".repeat(32), null));
        SnapshotApiTest.awaitJob(jobId, "SUCCEEDED");
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));

        String drop = KafkaTopics.await(Topics.RESTORE_JOBS,
                r -> r.value().contains("DROP_DATABASES") && r.value().contains(previous), 1).get(0).value();
        assertEquals(previous, JSON.readTree(drop).get("dropDatabases").get(0).asText(),
                "the previous copy is dropped once its grace period ended");
    }

    @Test
    void aFailedRestoreFreesTheInstance() {
        String instanceId = Fixtures.registerInstance();
        String snapshotId = Fixtures.completedSnapshot(instanceId);
        String jobId = restore(snapshotId, Map.of("confirm", "RESTORE", "mode", "clean")).then().statusCode(202)
                .extract().path("id");
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "FAILED", 0, null, "checksum mismatch"));
        SnapshotApiTest.awaitJob(jobId, "FAILED");
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));
        asAdmin().get("/api/v1/snapshots/" + snapshotId).then().body("status", equalTo("COMPLETED"));
    }

    @Test
    void badRestoreOptionsAreRefused() {
        String snapshotId = Fixtures.completedSnapshot(Fixtures.registerInstance());
        restore(snapshotId, Map.of("confirm", "RESTORE", "mode", "overwrite")).then().statusCode(400)
                .body("errors[0].field", equalTo("mode"));
        restore(snapshotId, Map.of("confirm", "RESTORE", "parallelJobs", 99)).then().statusCode(400)
                .body("errors[0].field", equalTo("parallelJobs"));
        restore(snapshotId, Map.of("confirm", "RESTORE", "targetInstanceId", UUID.randomUUID())).then()
                .statusCode(404);
    }

    @Test
    void aNewInstanceCannotBeCreatedOverAnExistingDatabase() {
        String snapshotId = Fixtures.completedSnapshot(Fixtures.registerInstance());
        newInstance(snapshotId, "copy-" + UUID.randomUUID(), LocalStack.CATALOG_DATABASE).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already exists"));
    }

    @Test
    void aNewInstanceAppearsWhenItsRestoreSucceeds() {
        String snapshotId = Fixtures.completedSnapshot(Fixtures.registerInstance());
        String name = "copy-" + UUID.randomUUID();
        String jobId = newInstance(snapshotId, name, "fresh_" + UUID.randomUUID().toString().substring(0, 8)).then()
                .statusCode(202).body("type", equalTo("RESTORE")).extract().path("id");
        asAdmin().get("/api/v1/instances?size=500").then().body("items.name", org.hamcrest.Matchers.not(hasItem(name)));
        KafkaTopics.await(Topics.RESTORE_JOBS, r -> r.value().contains(jobId) && r.value().contains("NEW_DATABASE"), 1);
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "SUCCEEDED", 1024, "cd".repeat(32), null));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAdmin().get("/api/v1/instances?size=500")
                .then().body("items.name", hasItem(name)));
    }

    private static io.restassured.response.Response restore(String snapshotId, Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post("/api/v1/snapshots/" + snapshotId + "/restore");
    }

    private static io.restassured.response.Response newInstance(String snapshotId, String name, String database) {
        PostgresServer pg = LocalStack.startForTests().postgres();
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", name, "connection", Map.of("host", pg.host(), "port", pg.port(), "database",
                        database, "username", pg.superuser(), "password", pg.password(), "sslmode", "disable")))
                .post("/api/v1/snapshots/" + snapshotId + "/instances");
    }
}
