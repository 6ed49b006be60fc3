package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.Topics;

@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class SnapshotRequestTest {

    @Test
    void aRequestSentTwiceMakesOneSnapshotAndAMalformedOneDoesNotBlockTheTopic() {
        String instanceId = Fixtures.registerInstance();
        String name = asAdmin().get("/api/v1/instances/" + instanceId).then().extract().path("name");
        String requestId = "integration-" + UUID.randomUUID();
        String request = "{\"v\":1,\"requestId\":\"" + requestId + "\",\"instanceName\":\"" + name
                + "\",\"name\":\"nightly\",\"origin\":\"SCHEDULED\"}";
        KafkaTopics.send(Topics.SNAPSHOT_REQUESTS, instanceId, "this is not json {");
        KafkaTopics.send(Topics.SNAPSHOT_REQUESTS, instanceId, request);
        KafkaTopics.send(Topics.SNAPSHOT_REQUESTS, instanceId, request);
        String marker = "marker-" + UUID.randomUUID();
        KafkaTopics.send(Topics.SNAPSHOT_REQUESTS, instanceId, "{\"v\":1,\"requestId\":\"" + marker
                + "\",\"instanceId\":\"" + UUID.randomUUID() + "\",\"name\":\"x\"}");
        KafkaTopics.send(Topics.SNAPSHOT_REQUESTS, "other", "{\"v\":1,\"requestId\":\"" + marker
                + "-2\",\"instanceId\":\"" + Fixtures.registerInstance() + "\",\"name\":\"after\"}");

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAdmin()
                .get("/api/v1/snapshots?origin=SCHEDULED&instanceId=" + instanceId).then()
                .body("items", hasSize(1)).body("items[0].name", equalTo("nightly")));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAdmin()
                .get("/api/v1/snapshots?size=500").then().body("items.findAll { it.name == 'after' }", hasSize(1)));
        asAdmin().get("/api/v1/snapshots?instanceId=" + instanceId).then().body("total", equalTo(1));
    }

    @Test
    void aRequestRefusedWhileTheInstanceIsBusyMakesItsSnapshotWhenSentAgain() {
        String instanceId = Fixtures.registerInstance();
        String[] running = Fixtures.startSnapshot(instanceId);
        String requestId = "scheduled:" + instanceId + ":" + UUID.randomUUID();
        String request = "{\"v\":1,\"requestId\":\"" + requestId + "\",\"instanceId\":\"" + instanceId
                + "\",\"name\":\"hourly\",\"origin\":\"SCHEDULED\"}";
        KafkaTopics.send(Topics.SNAPSHOT_REQUESTS, instanceId, request);
        String marker = "marker-" + UUID.randomUUID();
        KafkaTopics.send(Topics.SNAPSHOT_REQUESTS, instanceId, "{\"v\":1,\"requestId\":\"" + marker
                + "\",\"instanceId\":\"" + Fixtures.registerInstance() + "\",\"name\":\"" + marker + "\"}");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAdmin()
                .get("/api/v1/snapshots?requestId=" + marker).then().body("total", equalTo(1)));
        asAdmin().get("/api/v1/snapshots?requestId=" + requestId).then().body("total", equalTo(0));

        KafkaTopics.send(Topics.JOB_EVENTS, running[1], SnapshotApiTest.event(running[1], 1, "CLAIMED", 0, null, null));
        KafkaTopics.send(Topics.JOB_EVENTS, running[1], WorkerArchives.succeeded(running[1], 1024,
                "cd".repeat(32)));
        SnapshotApiTest.awaitJob(running[1], "SUCCEEDED");
        KafkaTopics.send(Topics.SNAPSHOT_REQUESTS, instanceId, request);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAdmin()
                .get("/api/v1/snapshots?requestId=" + requestId).then().body("total", equalTo(1))
                .body("items[0].origin", equalTo("SCHEDULED")));
    }
}
