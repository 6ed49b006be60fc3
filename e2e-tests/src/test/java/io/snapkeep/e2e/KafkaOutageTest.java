package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.snapkeep.localstack.KafkaServer;

class KafkaOutageTest {

    @Test
    void aSnapshotAskedForWhileKafkaIsDownIsDispatchedOnceItIsBack() {
        RunningSystem system = RunningSystem.get();
        SourceDatabase source = SourceDatabase.create(system.stack.postgres());
        String instanceId = Api.registerInstance(source.connection());
        KafkaServer kafka = system.stack.kafka();
        kafka.stop();
        String snapshotId;
        try {
            snapshotId = Api.snapshot(instanceId, null).path("id");
            operator().get("/api/v1/snapshots/" + snapshotId).then().body("status", equalTo("PENDING"));
        } finally {
            kafka.start();
        }
        assertEquals("COMPLETED", Api.awaitEnded(snapshotId, Duration.ofMinutes(3)).path("status"));
    }
}
