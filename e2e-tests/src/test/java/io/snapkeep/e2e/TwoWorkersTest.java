package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class TwoWorkersTest {

    @Test
    void twoDumpWorkersInOneGroupBothTakeJobs() {
        RunningSystem system = RunningSystem.get();
        SourceDatabase source = SourceDatabase.create(system.stack.postgres());
        List<String> jobIds = new ArrayList<>();
        List<String> snapshotIds = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            var started = Api.snapshot(Api.registerInstance(source.connection()), null);
            snapshotIds.add(started.path("id"));
            jobIds.add(started.path("jobId"));
        }
        for (String snapshotId : snapshotIds) {
            assertEquals("COMPLETED", Api.awaitEnded(snapshotId, Duration.ofMinutes(3)).path("status"));
        }
        Set<String> workers = jobIds.stream()
                .map(id -> operator().get("/api/v1/jobs/" + id).then().extract().<String>path("workerId"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("dump-worker-1", "dump-worker-2"), workers,
                "16 instances hash over the topic's partitions, which the two workers share");
    }
}
