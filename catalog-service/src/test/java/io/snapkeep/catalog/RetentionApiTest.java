package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.snapkeep.localstack.quarkus.RealServersTestResource;

@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class RetentionApiTest {
    private static final String NEWEST_FULL =
            "the newest snapshot with all data of the instance (newer ones are partial or uploaded)";

    @Test
    void thePreviewSaysWhatTheNextPruningDeletesAndWhy() {
        String instanceId = Fixtures.registerInstance();
        ScheduledSnapshots.setPolicy(instanceId, Map.of("custom", Map.of("cron", "0 3 * * *", "keepLast", 2)));
        String oldest = ScheduledSnapshots.completed(instanceId);
        String failed = ScheduledSnapshots.failed(instanceId);
        String older = ScheduledSnapshots.completed(instanceId);
        String newer = ScheduledSnapshots.completed(instanceId);
        String onDemand = Fixtures.completedSnapshot(instanceId);

        var preview = asAdmin().get("/api/v1/instances/" + instanceId + "/retention").then().statusCode(200)
                .body("instanceId", equalTo(instanceId))
                .body("policy", equalTo("custom (cron 0 3 * * *; keep-last 2)"))
                .body("toDelete", equalTo(1))
                .body("snapshots.snapshotId", contains(onDemand, newer, older, failed, oldest));
        preview.body(entry(oldest) + ".action", equalTo("DELETE"))
                .body(entry(oldest) + ".reasons", contains("kept by no rule of custom (cron 0 3 * * *; keep-last 2)"))
                .body(entry(newer) + ".reasons", contains("keep-last 1 of 2"))
                .body(entry(older) + ".reasons", contains("keep-last 2 of 2"))
                .body(entry(failed) + ".reasons",
                        contains("failed: retention neither counts nor prunes failed snapshots"))
                .body(entry(onDemand) + ".reasons",
                        contains("the newest completed snapshot", "on-demand snapshots are kept until deleted"))
                .body(entry(onDemand) + ".expiresAt", nullValue());

        String restoreJob = asAdmin().contentType(ContentType.JSON).body(Map.of("confirm", "RESTORE"))
                .post("/api/v1/snapshots/" + oldest + "/restore").then().statusCode(202).extract().path("id");
        asAdmin().get("/api/v1/instances/" + instanceId + "/retention").then().body("toDelete", equalTo(0))
                .body(entry(oldest) + ".reasons", contains("read by a queued or running job"));
        asAdmin().get("/api/v1/snapshots?requestId=none&instanceId=" + instanceId).then().body("total", equalTo(0));
        assertNotNull(restoreJob);
    }

    @Test
    void eachSnapshotShowsTheExpiryItsPolicyGivesIt() {
        String instanceId = Fixtures.registerInstance();
        ScheduledSnapshots.setPolicy(instanceId, Map.of("custom", Map.of("cron", "0 3 * * *", "keepLast", 1)));
        String older = ScheduledSnapshots.completed(instanceId);
        Instant before = Instant.now();
        String newer = ScheduledSnapshots.completed(instanceId);
        String onDemand = Fixtures.completedSnapshot(instanceId);

        Instant olderExpiry = expiresAt(older);
        assertNotNull(olderExpiry, "due at the next pruning");
        assertTrue(!olderExpiry.isBefore(before) && !olderExpiry.isAfter(Instant.now()), olderExpiry.toString());
        Instant newerExpiry = expiresAt(newer);
        assertTrue(newerExpiry.isAfter(Instant.now()) && newerExpiry.isBefore(Instant.now().plus(Duration.ofHours(25))),
                "pushed out by the next 03:00 slot: " + newerExpiry);
        assertNull(expiresAt(onDemand), "on-demand snapshots do not expire");

        ScheduledSnapshots.setPolicy(instanceId, Map.of("tier", "professional"));
        Instant professional = expiresAt(newer);
        assertTrue(professional.isAfter(Instant.now().plus(Duration.ofDays(6))), "seven daily slots: " + professional);
    }

    @Test
    void anUnknownInstanceHasNoPreview() {
        asAdmin().get("/api/v1/instances/" + UUID.randomUUID() + "/retention").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void underTheFreeTierOnlyTheLatestSnapshotOfAnyOriginIsKept() {
        String instanceId = Fixtures.registerInstance();
        ScheduledSnapshots.setPolicy(instanceId, Map.of("tier", "free"));
        String first = Fixtures.completedSnapshot(instanceId);
        String second = Fixtures.completedSnapshot(instanceId);
        asAdmin().get("/api/v1/instances/" + instanceId + "/retention").then()
                .body(entry(first) + ".action", equalTo("DELETE"))
                .body(entry(second) + ".action", equalTo("KEEP"))
                .body(entry(second) + ".reasons", hasItem("keep-last 1 of 1"));
    }

    @Test
    void aSchemaOnlyNewestSnapshotLeavesTheOlderFullOneToRetention() {
        String instanceId = Fixtures.registerInstance();
        ScheduledSnapshots.setPolicy(instanceId, Map.of("custom", Map.of("cron", "0 3 * * *", "keepLast", 1)));
        String full = ScheduledSnapshots.completed(instanceId);
        String schemaOnly = ScheduledSnapshots.completed(instanceId, "{\"schemaOnly\":true}");
        asAdmin().get("/api/v1/snapshots/" + schemaOnly).then().body("options.schemaOnly", equalTo(true));
        asAdmin().get("/api/v1/snapshots/" + full).then().body("options.schemaOnly", equalTo(false))
                .body("options.excludeTableData", empty());

        asAdmin().get("/api/v1/instances/" + instanceId + "/retention").then().body("toDelete", equalTo(0))
                .body(entry(full) + ".action", equalTo("KEEP"))
                .body(entry(full) + ".reasons", contains(NEWEST_FULL));
        asAdmin().delete("/api/v1/snapshots/" + full + "?retention=true").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(NEWEST_FULL));
        asAdmin().get("/api/v1/snapshots/" + full).then().body("status", equalTo("COMPLETED"));
    }

    private static Instant expiresAt(String snapshotId) {
        String value = asAdmin().get("/api/v1/snapshots/" + snapshotId).then().extract().path("expiresAt");
        return value == null ? null : Instant.parse(value);
    }

    private static String entry(String snapshotId) {
        return "snapshots.find { it.snapshotId == '" + snapshotId + "' }";
    }
}
