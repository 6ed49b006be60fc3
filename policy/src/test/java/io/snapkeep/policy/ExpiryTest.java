package io.snapkeep.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ExpiryTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration SPREAD = Duration.ofMinutes(10);

    @Test
    void sixtyDaysOfVdcInSecondsEndWithTheHourlyOnesOfAWeekAndOneADayBefore() {
        Instant end = START.plus(Duration.ofDays(63)).minusSeconds(1);
        Simulation run = new Simulation(Policy.of(Tier.VDC), UTC, SPREAD).run(START.minusSeconds(1), end);

        Slots slots = Policy.of(Tier.VDC).slots("instance-1", new SchedulerSettings(UTC, SPREAD)).orElseThrow();
        Set<Instant> expected = new HashSet<>();
        Instant lastDay = START.plus(Duration.ofDays(62));
        for (int h = 0; h < 7 * 24; h++) {
            expected.add(slots.dueAt(lastDay.plus(Duration.ofHours(23 - h))));
        }
        for (int day = 8; day <= 60; day++) {
            expected.add(slots.dueAt(lastDay.minus(Duration.ofDays(day - 1)).plus(Duration.ofHours(23))));
        }
        assertEquals(expected, run.aliveTimes());
        assertPredictionsHeld(run, end);
    }

    @Test
    void professionalEndsWithSevenDailyOnesAndEachWentWhenItsExpiryCame() {
        Instant end = START.plus(Duration.ofDays(30));
        Simulation run = new Simulation(Policy.of(Tier.PROFESSIONAL), UTC, SPREAD).run(START.minusSeconds(1), end);
        assertEquals(7, run.alive.size());
        assertPredictionsHeld(run, end);
    }

    @Test
    void aCustomPolicysExpiriesHoldOverTwoMonths() {
        Policy policy = Policy.custom("0 */3 * * *", new KeepCounts(2, 6, 3, 2, 2));
        Instant end = START.plus(Duration.ofDays(70));
        Simulation run = new Simulation(policy, ZoneId.of("America/New_York"), SPREAD).run(START.minusSeconds(1), end);
        assertPredictionsHeld(run, end);
        assertTrue(run.alive.size() >= 6 && run.alive.size() <= 2 + 6 + 3 + 2 + 2, "kept " + run.alive.size());
    }

    @Test
    void theFreeTierKnowsNoExpiryForTheLatestAndExpiresTheRestNow() {
        Instant now = Instant.parse("2024-02-01T00:00:00Z");
        List<SnapshotFacts> history = List.of(Snapshots.of(Origin.ON_DEMAND, now.minusSeconds(7200)),
                Snapshots.of(Origin.UPLOADED, now.minusSeconds(3600)));
        Map<String, Instant> expiries = Expiry.of(Policy.of(Tier.FREE), "i", history,
                new SchedulerSettings(UTC, SPREAD), now);
        assertEquals(Map.of(history.get(0).id(), now), expiries);
    }

    @Test
    void onDemandSnapshotsOfScheduledTiersNeverExpire() {
        Instant now = Instant.parse("2024-02-01T00:00:00Z");
        SnapshotFacts onDemand = Snapshots.of(Origin.ON_DEMAND, now.minusSeconds(7200));
        SnapshotFacts scheduled = Snapshots.scheduled(now.minusSeconds(3600));
        Map<String, Instant> expiries = Expiry.of(Policy.of(Tier.PROFESSIONAL), "i", List.of(onDemand, scheduled),
                new SchedulerSettings(UTC, Duration.ZERO), now);
        assertFalse(expiries.containsKey(onDemand.id()));
        assertEquals(Instant.parse("2024-02-08T00:00:00Z"), expiries.get(scheduled.id()),
                "today's daily one goes when the seventh newer day has one");
    }

    @Test
    void aVdcSnapshotThatIsItsDaysNewestLastsSixtyDaysAndTheOthersOneWeek() {
        Instant now = Instant.parse("2024-02-10T12:00:00Z");
        SnapshotFacts lastOfDay = Snapshots.scheduled(Instant.parse("2024-02-09T23:00:00Z"));
        SnapshotFacts midday = Snapshots.scheduled(Instant.parse("2024-02-09T12:00:00Z"));
        SnapshotFacts newest = Snapshots.scheduled(now);
        Map<String, Instant> expiries = Expiry.of(Policy.of(Tier.VDC), "i", List.of(lastOfDay, midday, newest),
                new SchedulerSettings(UTC, Duration.ZERO), now);
        assertEquals(Instant.parse("2024-04-09T00:00:00Z"), expiries.get(lastOfDay.id()),
                "pushed out of daily 60 when the 59th newer day gets its first snapshot");
        assertEquals(Instant.parse("2024-02-17T10:00:00Z"), expiries.get(midday.id()),
                "pushed out of hourly 168 by the 166th newer hour");
        assertNotNull(expiries.get(newest.id()));
        assertNull(Expiry.of(Policy.of(Tier.VDC), "i", List.of(), new SchedulerSettings(UTC, Duration.ZERO), now)
                .get(newest.id()));
    }

    private static void assertPredictionsHeld(Simulation run, Instant end) {
        assertFalse(run.deletedAt.isEmpty());
        run.deletedAt.forEach((id, at) -> assertEquals(run.predicted.get(id), at, "expiry of " + id));
        run.alive.forEach(s -> {
            Instant predicted = run.predicted.get(s.id());
            assertTrue(predicted == null || predicted.isAfter(end), "alive " + s.id() + " predicted " + predicted);
        });
    }
}
