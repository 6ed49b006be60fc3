package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.Topics;

/** The test profile gives a queue timeout of 6 s and at most 2 attempts; no worker consumes the catalog's tests' jobs. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class QueueTimeoutTest {

    @Test
    void aJobNoWorkerClaimsIsDispatchedAgainThenFailsAndFreesItsInstance() {
        String instanceId = Fixtures.registerInstance();
        String[] started = Fixtures.startSnapshot(instanceId);
        String jobId = started[1];

        KafkaTopics.await(Topics.DUMP_JOBS, r -> r.value().contains(jobId) && r.value().contains("\"attempt\":2")
                && KafkaTopics.signed(r), 1);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asAdmin().get("/api/v1/jobs/" + jobId)
                .then().body("status", equalTo("FAILED")).body("attempt", equalTo(2))
                .body("error", equalTo("no worker took the job within 6s (2 dispatches)")));
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("status", equalTo("FAILED"))
                .body("error", equalTo("no worker took the job within 6s (2 dispatches)"));
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));
    }
}
