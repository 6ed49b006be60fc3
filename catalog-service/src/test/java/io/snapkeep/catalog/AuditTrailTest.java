package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.Topics;
import io.vertx.mutiny.sqlclient.Pool;

/** The audit trail holds every change and export with its actor and outcome, in the catalog and on Kafka. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class AuditTrailTest {
    @Inject
    Pool pool;

    @Test
    void anOperatorsUploadExportPolicyRestoreAndDeleteAreAudited() {
        String tokenName = "auditor-" + UUID.randomUUID();
        String token = asAdmin().contentType(ContentType.JSON).body(Map.of("name", tokenName, "role", "operator"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        String actor = "token:" + tokenName;
        String instanceId = Fixtures.registerInstance();
        byte[] file = StockDumps.bytes(StockDumps.get().custom);

        String snapshotId = Tokens.with(token).contentType("application/octet-stream").body(file)
                .post("/api/v1/snapshots/upload?instanceId=" + instanceId + "&name=audited").then().statusCode(201)
                .extract().path("id");
        Tokens.with(token).get("/api/v1/snapshots/" + snapshotId + "/content").then().statusCode(200);
        Tokens.with(token).contentType(ContentType.JSON).body(Map.of("tier", "vdc"))
                .put("/api/v1/instances/" + instanceId + "/policy").then().statusCode(200);
        String jobId = Tokens.with(token).contentType(ContentType.JSON)
                .body(Map.of("confirm", "RESTORE"))
                .post("/api/v1/snapshots/" + snapshotId + "/restore").then().statusCode(202).extract().path("id");
        Tokens.with(token).delete("/api/v1/snapshots/" + snapshotId).then().statusCode(409);
        String dumped = Fixtures.completedSnapshot(Fixtures.registerInstance());
        Tokens.with(token).delete("/api/v1/snapshots/" + dumped).then().statusCode(204);
        Tokens.with(token).delete("/api/v1/instances/" + instanceId).then().statusCode(403);

        JsonPath trail = asAdmin().get("/api/v1/audit?actor=" + actor + "&size=50").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> entries = trail.getList("items");
        Map<String, Object> byAction = entries.stream()
                .collect(Collectors.toMap(e -> (String) e.get("action"), e -> e, (a, b) -> a));
        assertEquals(Map.of("snapshot.upload", List.of(201), "snapshot.export", List.of(200),
                "instance.policy", List.of(200), "snapshot.restore", List.of(202), "snapshot.delete", List.of(204, 409),
                "instance.delete", List.of(403)),
                entries.stream().collect(Collectors.groupingBy(e -> (String) e.get("action"),
                        Collectors.mapping(e -> (Integer) e.get("outcome"), Collectors.toList()))));
        assertEquals(7, trail.getInt("total"));
        Map<?, ?> restore = (Map<?, ?>) ((Map<?, ?>) byAction.get("snapshot.restore")).get("targets");
        assertEquals(Map.of("instanceId", instanceId, "snapshotId", snapshotId, "jobId", jobId), restore);
        assertEquals(snapshotId, ((Map<?, ?>) ((Map<?, ?>) byAction.get("snapshot.upload")).get("targets"))
                .get("snapshotId"));
        assertTrue(entries.stream().allMatch(e -> "127.0.0.1".equals(e.get("client")) && "token".equals(
                e.get("actorKind"))));
        String all = asAdmin().get("/api/v1/audit?instanceId=" + instanceId + "&size=50").asString();
        assertFalse(all.contains(Fixtures.PASSWORD) || all.contains(token.substring(4)), "no secret is kept");
        assertTrue(all.contains("\"host\":\"127.0.0.1\""), "the registration's non-secret fields are kept");
        assertTrue(all.contains("\"actor\":\"token:bootstrap\"") && all.contains("instance.register"),
                "the admin's registration of the instance is there too");

        var events = KafkaTopics.await(Topics.AUDIT_EVENTS, r -> r.value().contains("\"actor\":\"" + actor + "\""), 7);
        assertTrue(events.stream().anyMatch(r -> r.value().contains("\"action\":\"snapshot.restore\"")
                && r.value().contains(jobId)));
        assertTrue(events.stream().noneMatch(r -> r.value().contains(Fixtures.PASSWORD)));
    }

    @Test
    void theTrailIsAppendOnlyAndFilteredByAction() {
        Fixtures.registerInstance();
        asAdmin().get("/api/v1/audit?action=instance.register&size=5").then().statusCode(200)
                .body("items.action", everyItem(equalTo(
                        "instance.register")));
        asAdmin().get("/api/v1/audit?since=yesterday").then().statusCode(400);
        assertThrows(RuntimeException.class, () -> pool.query("update audit_entry set actor = 'someone else'")
                .execute().await().indefinitely());
        assertThrows(RuntimeException.class, () -> pool.query("delete from audit_entry").execute().await()
                .indefinitely());
    }

    @Test
    void onlyAnAdminMayRestoreAnUploadAsASuperuserAndTheTrailSaysSo() {
        String operator = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "superuser-" + UUID.randomUUID(), "role", "operator"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        String uploaded = UploadApiTest.upload(Fixtures.registerInstance(), StockDumps.bytes(StockDumps.get().plain))
                .path("id");
        Map<String, Object> body = Map.of("confirm", "RESTORE", "allowSuperuser", true);
        Tokens.with(operator).contentType(ContentType.JSON).body(body)
                .post("/api/v1/snapshots/" + uploaded + "/restore").then().statusCode(403)
                .body("detail", containsString("allowSuperuser needs the admin role"));
        String jobId = asAdmin().contentType(ContentType.JSON).body(body)
                .post("/api/v1/snapshots/" + uploaded + "/restore").then().statusCode(202).extract().path("id");

        JsonPath trail = asAdmin().get("/api/v1/audit?action=snapshot.restore&size=200").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(202, 403), trail.getList("items.findAll { it.targets.snapshotId == '" + uploaded
                + "' }.outcome"));
        assertEquals(Boolean.TRUE, trail.get("items.find { it.targets.jobId == '" + jobId
                + "' }.details.body.allowSuperuser"));
        assertEquals("token:bootstrap", trail.get("items.find { it.targets.jobId == '" + jobId + "' }.actor"));
    }
}
