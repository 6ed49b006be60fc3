package io.snapkeep.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.scheduler.schedule.Ticker;
import io.snapkeep.scheduler.support.FakeCatalog;
import io.snapkeep.scheduler.support.MutableClock;
import io.snapkeep.scheduler.support.RequestTopic;
import io.snapkeep.scheduler.support.SchedulerTestResource;

/**
 * The scheduler against real Kafka and a stand-in for the catalog's HTTP API, on a clock the test moves; the test
 * plays the catalog's Kafka side, turning requests it reads from the topic into snapshots.
 */
@QuarkusTest
@QuarkusTestResource(SchedulerTestResource.class)
class SchedulerTickTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    @Inject
    Ticker ticker;
    @Inject
    MutableClock clock;

    private FakeCatalog catalog;
    private RequestTopic topic;

    @BeforeEach
    void setUp() {
        catalog = SchedulerTestResource.catalog();
        catalog.reset();
        topic = new RequestTopic(SchedulerTestResource.bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void aDueSlotIsAskedForWithItsDeterministicIdUntilASnapshotHasIt() {
        clock.set(Instant.parse("2024-05-01T10:30:00Z"));
        String id = catalog.addInstance("business-critical", null);

        List<JsonNode> first = tick();
        assertEquals(1, first.size());
        JsonNode request = first.get(0);
        String requestId = "scheduled:" + id + ":2024-05-01T10:00:00Z";
        assertEquals(requestId, request.get("requestId").asText());
        assertEquals(id, request.get("key").asText(), "keyed by instance id");
        assertEquals(id, request.get("instanceId").asText());
        assertEquals("SCHEDULED", request.get("origin").asText());
        assertEquals("scheduled-20240501T1000Z", request.get("name").asText());
        assertEquals(1, request.get("v").asInt());

        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(requestId), requestIds(tick()), "asked again while no snapshot has it");

        catalog.addSnapshot(id, "SCHEDULED", "RUNNING", null, requestId);
        assertEquals(List.of(), tick(), "its snapshot exists");
    }

    @Test
    void aBusyInstanceIsAskedForOnceItIsFree() {
        clock.set(Instant.parse("2024-05-01T10:30:00Z"));
        String id = catalog.addInstance("business-critical", null);
        catalog.setStatus(id, "RESTORING");
        assertEquals(List.of(), tick());
        catalog.setStatus(id, "AVAILABLE");
        assertEquals(List.of("scheduled:" + id + ":2024-05-01T10:00:00Z"), requestIds(tick()));
    }

    @Test
    void afterDowntimeEachInstanceGetsOneCatchUpSnapshot() {
        clock.set(Instant.parse("2024-05-01T10:30:00Z"));
        String hourly = catalog.addInstance("vdc", null);
        String daily = catalog.addInstance("professional", null);
        String free = catalog.addInstance("free", null);
        makeSnapshots(tick());

        clock.set(Instant.parse("2024-05-03T17:45:00Z"));
        List<String> caughtUp = requestIds(tick());
        assertEquals(Set.of("scheduled:" + hourly + ":2024-05-03T17:00:00Z",
                "scheduled:" + daily + ":2024-05-03T00:00:00Z"), Set.copyOf(caughtUp), "the latest missed slots only");
        assertEquals(2, caughtUp.size());
        assertFalse(caughtUp.stream().anyMatch(r -> r.contains(free)), "the free tier takes none on schedule");
    }

    @Test
    void daysOfACustomScheduleRunInSecondsWithOneSnapshotPerSlot() {
        Instant start = Instant.parse("2024-05-01T00:00:00Z");
        clock.set(start);
        String id = catalog.addInstance("custom",
                Map.of("cron", "0 */2 * * *", "keepLast", 2, "hourly", 0, "daily", 2, "weekly", 0, "monthly", 0));
        List<String> asked = new ArrayList<>();
        for (Instant end = start.plus(Duration.ofDays(2)); clock.instant().isBefore(end); clock.advance(HOUR)) {
            List<JsonNode> sent = tick();
            asked.addAll(requestIds(sent));
            makeSnapshots(sent);
        }
        tick(); // prunes after the last snapshot
        assertEquals(1 + 24, asked.size(), "the slot due at the start, then one per two hours");
        assertEquals(asked.size(), new HashSet<>(asked).size(), "never one slot twice");

        List<String> kept = catalog.snapshotIds(s -> "COMPLETED".equals(s.get("status")));
        assertEquals(3, kept.size(), "the last two, and the newest of the day before: " + kept);
        assertTrue(catalog.deletions().stream().allMatch(d -> d.endsWith("?retention=true")));
        assertEquals(asked.size() - 3, catalog.deletions().size());
    }

    @Test
    void retentionDeletesWhatThePolicyNoLongerKeepsButNeverWhatAJobReads() {
        Instant now = Instant.parse("2024-05-31T23:30:00Z");
        clock.set(now);
        String id = catalog.addInstance("vdc", null);
        List<String> hourly = new ArrayList<>();
        for (Instant t = now.minus(DAY.multipliedBy(70)).plusSeconds(1800); t.isBefore(now); t = t.plus(HOUR)) {
            hourly.add(catalog.addSnapshot(id, "SCHEDULED", "COMPLETED", t, null));
        }
        String restoring = hourly.get(5);
        catalog.addJob("RESTORE", restoring, "RUNNING");
        String onDemand = catalog.addSnapshot(id, "ON_DEMAND", "COMPLETED", now.minus(DAY.multipliedBy(69)), null);
        catalog.addSnapshot(id, "SCHEDULED", "RUNNING", null, "scheduled:" + id + ":2024-05-31T23:00:00Z");

        assertEquals(0, ticker.tick().requested());

        Set<String> left = new HashSet<>(catalog.snapshotIds(s -> !"DELETED".equals(s.get("status"))));
        assertEquals(7 * 24 + 53 + 1 + 1 + 1, left.size(), "a week of hourly ones, one a day for days 8-60, the "
                + "one being restored, the on-demand one and the one being taken");
        assertTrue(left.contains(restoring));
        assertTrue(left.contains(onDemand));
        assertTrue(left.contains(hourly.get(hourly.size() - 1)));
        assertEquals(hourly.size() - 7 * 24 - 53 - 1, catalog.deletions().size());
    }

    @Test
    void whenEveryRecentSnapshotFailedTheOldGoodOnesStay() {
        Instant now = Instant.parse("2024-05-31T12:00:00Z");
        clock.set(now);
        String id = catalog.addInstance("professional", null);
        List<String> good = new ArrayList<>();
        for (int d = 30; d > 20; d--) {
            good.add(catalog.addSnapshot(id, "SCHEDULED", "COMPLETED", now.minus(DAY.multipliedBy(d)), null));
        }
        for (int d = 20; d >= 0; d--) {
            catalog.addSnapshot(id, "SCHEDULED", "FAILED", now.minus(DAY.multipliedBy(d)), "failed-" + d);
        }
        ticker.tick();
        assertEquals(Set.copyOf(good.subList(0, 3).stream().map(s -> s + "?retention=true").toList()),
                Set.copyOf(catalog.deletions()),
                "only what seven good daily ones push out; the failed ones neither count nor go");
    }

    @Test
    void theFreeTierKeepsOnlyTheLatestSnapshotOfAnyOrigin() {
        Instant now = Instant.parse("2024-05-31T12:00:00Z");
        clock.set(now);
        String id = catalog.addInstance("free", null);
        String uploaded = catalog.addSnapshot(id, "UPLOADED", "COMPLETED", now.minus(DAY.multipliedBy(3)), null);
        String first = catalog.addSnapshot(id, "ON_DEMAND", "COMPLETED", now.minus(DAY.multipliedBy(2)), null);
        String latest = catalog.addSnapshot(id, "ON_DEMAND", "COMPLETED", now.minus(DAY), null);
        ticker.tick();
        assertEquals(Set.of(uploaded + "?retention=true", first + "?retention=true"), Set.copyOf(catalog.deletions()));
        assertEquals(List.of(latest), catalog.snapshotIds(s -> "COMPLETED".equals(s.get("status"))));
    }

    private List<JsonNode> tick() {
        return topic.sentDuring(ticker::tick);
    }

    /** What the catalog does with requests: a snapshot each, COMPLETED at once. */
    private void makeSnapshots(List<JsonNode> requests) {
        for (JsonNode request : requests) {
            catalog.addSnapshot(request.get("instanceId").asText(), "SCHEDULED", "COMPLETED", clock.instant(),
                    request.get("requestId").asText());
        }
    }

    private static List<String> requestIds(List<JsonNode> requests) {
        return requests.stream().map(r -> r.get("requestId").asText()).toList();
    }
}
