package io.snapkeep.policy;

import static io.snapkeep.policy.Snapshots.every;
import static io.snapkeep.policy.Snapshots.failed;
import static io.snapkeep.policy.Snapshots.keptTimes;
import static io.snapkeep.policy.Snapshots.of;
import static io.snapkeep.policy.Snapshots.scheduled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class RetentionTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void vdcKeepsTheHourlyOnesOfTheLastSevenDaysAndOneADayForDaysEightToSixty() {
        // 90 days of hourly snapshots, each completing 7 minutes past the hour; "day 1" is the last day
        Instant lastDay = Instant.parse("2024-03-31T00:00:00Z");
        Instant first = lastDay.minus(DAY.multipliedBy(89)).plusSeconds(420);
        Instant last = lastDay.plus(Duration.ofHours(23)).plusSeconds(420);
        List<SnapshotFacts> history = every(HOUR, first, last);

        Set<Instant> kept = keptTimes(Retention.plan(Policy.of(Tier.VDC), history, Set.of(), UTC), history);

        Set<Instant> expected = new HashSet<>();
        for (int day = 1; day <= 7; day++) {
            Instant start = lastDay.minus(DAY.multipliedBy(day - 1));
            for (int h = 0; h < 24; h++) {
                expected.add(start.plus(HOUR.multipliedBy(h)).plusSeconds(420));
            }
        }
        for (int day = 8; day <= 60; day++) {
            expected.add(lastDay.minus(DAY.multipliedBy(day - 1)).plus(Duration.ofHours(23)).plusSeconds(420));
        }
        assertEquals(7 * 24 + 53, expected.size());
        assertEquals(expected, kept);
    }

    @Test
    void professionalKeepsSevenDailyOnes() {
        List<SnapshotFacts> history = every(DAY, Instant.parse("2024-01-01T00:04:00Z"),
                Instant.parse("2024-01-30T00:04:00Z"));
        Set<Instant> kept = keptTimes(Retention.plan(Policy.of(Tier.PROFESSIONAL), history, Set.of(), UTC), history);
        assertEquals(every(DAY, Instant.parse("2024-01-24T00:04:00Z"), Instant.parse("2024-01-30T00:04:00Z")).stream()
                .map(SnapshotFacts::completedAt).collect(Collectors.toSet()), kept);
    }

    @Test
    void businessCriticalKeepsThirtyDaysOfHourlyOnes() {
        Instant last = Instant.parse("2024-05-31T23:00:00Z");
        List<SnapshotFacts> history = every(HOUR, last.minus(DAY.multipliedBy(40)), last);
        Set<Instant> kept = keptTimes(Retention.plan(Policy.of(Tier.BUSINESS_CRITICAL), history, Set.of(), UTC),
                history);
        assertEquals(720, kept.size());
        assertTrue(kept.stream().allMatch(t -> t.isAfter(last.minus(DAY.multipliedBy(30)))));
    }

    @Test
    void freeKeepsOnlyTheLatestSnapshotOfAnyOrigin() {
        List<SnapshotFacts> history = List.of(scheduled(Instant.parse("2024-01-01T00:00:00Z")),
                of(Origin.ON_DEMAND, Instant.parse("2024-01-02T00:00:00Z")),
                of(Origin.UPLOADED, Instant.parse("2024-01-03T00:00:00Z")),
                of(Origin.ON_DEMAND, Instant.parse("2024-01-04T00:00:00Z")));
        RetentionPlan plan = Retention.plan(Policy.of(Tier.FREE), history, Set.of(), UTC);
        assertEquals(Set.of(Instant.parse("2024-01-04T00:00:00Z")), keptTimes(plan, history));
        assertEquals(3, plan.toDelete().size());
    }

    @Test
    void onDemandAndUploadedSnapshotsAreKeptOutsideTheFreeTier() {
        List<SnapshotFacts> history = new ArrayList<>(every(DAY, Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-20T00:00:00Z")));
        SnapshotFacts onDemand = of(Origin.ON_DEMAND, Instant.parse("2024-01-01T12:00:00Z"));
        SnapshotFacts uploaded = of(Origin.UPLOADED, Instant.parse("2024-01-02T12:00:00Z"));
        history.add(onDemand);
        history.add(uploaded);
        RetentionPlan plan = Retention.plan(Policy.of(Tier.PROFESSIONAL), history, Set.of(), UTC);
        assertEquals(List.of("on-demand snapshots are kept until deleted"),
                plan.decision(onDemand.id()).orElseThrow().reasons());
        assertTrue(plan.decision(uploaded.id()).orElseThrow().keep());
        assertEquals(13, plan.toDelete().size());
    }

    @Test
    void aCustomPolicyKeepsExactlyWhatItsCountsSay() {
        // hourly snapshots at :05 for more than a year, the last on Saturday 2024-06-15 10:05 UTC
        Instant last = Instant.parse("2024-06-15T10:05:00Z");
        List<SnapshotFacts> history = every(HOUR, Instant.parse("2023-05-01T00:05:00Z"), last);
        Policy policy = Policy.custom("5 * * * *", new KeepCounts(3, 24, 7, 4, 12));

        Set<Instant> kept = keptTimes(Retention.plan(policy, history, Set.of(), UTC), history);

        Set<Instant> expected = new HashSet<>();
        for (int h = 0; h < 24; h++) { // hourly 24 (keep-last 3 falls within)
            expected.add(last.minus(HOUR.multipliedBy(h)));
        }
        for (int d = 9; d <= 14; d++) { // daily 7: today's newest and the 23:05 ones of the six days before
            expected.add(Instant.parse(String.format("2024-06-%02dT23:05:00Z", d)));
        }
        for (String sunday : List.of("2024-06-02", "2024-05-26")) { // weekly 4: this week, then three Sundays
            expected.add(Instant.parse(sunday + "T23:05:00Z"));
        }
        for (int m = 1; m <= 11; m++) { // monthly 12: June, then the last hour of the 11 months before
            LocalDate lastOfMonth = LocalDate.of(2024, 6, 1).minusMonths(m - 1).minusDays(1);
            expected.add(lastOfMonth.atTime(23, 5).toInstant(ZoneOffset.UTC));
        }
        assertEquals(24 + 5 + 2 + 11, expected.size(), "yesterday's 23:05 is among the last 24 hours");
        assertEquals(expected, kept);
    }

    @Test
    void bucketsFollowTheConfiguredZone() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        // 14:30 and 16:30 UTC are the same UTC day but two days in Tokyo (23:30 and 01:30)
        List<SnapshotFacts> history = List.of(scheduled(Instant.parse("2024-01-01T14:30:00Z")),
                scheduled(Instant.parse("2024-01-01T16:30:00Z")));
        Policy daily1Plus = Policy.custom("30 * * * *", new KeepCounts(0, 0, 2, 0, 0));
        assertEquals(0, Retention.plan(daily1Plus, history, Set.of(), tokyo).toDelete().size());
        assertEquals(1, Retention.plan(daily1Plus, history, Set.of(), UTC).toDelete().size());
    }

    @Test
    void theNewestCompletedSnapshotIsNeverDeleted() {
        Random random = new Random(42);
        List<Policy> policies = List.of(Policy.of(Tier.FREE), Policy.of(Tier.PROFESSIONAL),
                Policy.of(Tier.BUSINESS_CRITICAL), Policy.of(Tier.VDC),
                Policy.custom("0 3 * * *", new KeepCounts(1, 0, 0, 0, 0)),
                Policy.custom("*/5 * * * *", new KeepCounts(0, 0, 0, 0, 1)));
        for (int round = 0; round < 300; round++) {
            List<SnapshotFacts> history = randomHistory(random);
            for (Policy policy : policies) {
                RetentionPlan plan = Retention.plan(policy, history, Set.of(), UTC);
                history.stream().filter(s -> s.state() == State.COMPLETED).max(
                        (a, b) -> Retention.NEWEST_FIRST.compare(b, a)).ifPresent(newest -> {
                            assertTrue(plan.decision(newest.id()).orElseThrow().keep(), policy.describe());
                            assertFalse(plan.toDelete().contains(newest.id()));
                        });
                history.stream().filter(s -> s.state() == State.COMPLETED && s.full()).max(
                        (a, b) -> Retention.NEWEST_FIRST.compare(b, a)).ifPresent(newestFull -> assertTrue(
                                plan.decision(newestFull.id()).orElseThrow().keep(), policy.describe()));
            }
        }
    }

    @Test
    void theNewestFullSnapshotStaysWhenTheNewestIsPartial() {
        Instant day1 = Instant.parse("2024-01-01T03:00:00Z");
        SnapshotFacts full = new SnapshotFacts("full", Origin.SCHEDULED, State.COMPLETED, day1, true);
        SnapshotFacts schemaOnly = new SnapshotFacts("schema", Origin.SCHEDULED, State.COMPLETED, day1.plus(DAY), false);
        SnapshotFacts upload = new SnapshotFacts("upload", Origin.UPLOADED, State.COMPLETED, day1.plus(DAY).plus(DAY),
                false);
        Policy keepLast1 = Policy.custom("0 3 * * *", new KeepCounts(1, 0, 0, 0, 0));

        for (Policy policy : List.of(keepLast1, Policy.of(Tier.FREE))) {
            RetentionPlan plan = Retention.plan(policy, List.of(upload, schemaOnly, full), Set.of(), UTC);
            assertEquals(List.of("the newest snapshot with all data of the instance (newer ones are partial or "
                    + "uploaded)"), plan.decision("full").orElseThrow().reasons(), policy.describe());
        }
        assertFalse(SnapshotFacts.holdsAllData(Origin.UPLOADED, false, List.of()));
        assertFalse(SnapshotFacts.holdsAllData(Origin.SCHEDULED, true, List.of()));
        assertFalse(SnapshotFacts.holdsAllData(Origin.ON_DEMAND, false, List.of("audit.*")));
        assertTrue(SnapshotFacts.holdsAllData(Origin.SCHEDULED, false, List.of()));
    }

    @Test
    void aSnapshotThatAJobReadsIsNeverDeleted() {
        List<SnapshotFacts> history = every(HOUR, Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-03-01T00:00:00Z"));
        SnapshotFacts restoring = history.get(10);
        RetentionPlan without = Retention.plan(Policy.of(Tier.VDC), history, Set.of(), UTC);
        assertTrue(without.toDelete().contains(restoring.id()));

        RetentionPlan with = Retention.plan(Policy.of(Tier.VDC), history, Set.of(restoring.id()), UTC);
        assertEquals(List.of("read by a queued or running job"), with.decision(restoring.id()).orElseThrow().reasons());
        assertEquals(without.toDelete().size() - 1, with.toDelete().size());

        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<SnapshotFacts> randomHistory = randomHistory(random);
            Set<String> read = randomHistory.stream().filter(s -> random.nextInt(5) == 0).map(SnapshotFacts::id)
                    .collect(Collectors.toSet());
            for (Tier tier : Tier.values()) {
                List<String> deleted = Retention.plan(Policy.of(tier), randomHistory, read, UTC).toDelete();
                assertTrue(deleted.stream().noneMatch(read::contains), tier.id());
            }
        }
    }

    @Test
    void failedSnapshotsNeitherCountNorCauseAGoodOneToBePruned() {
        // 20 good daily snapshots, then 10 days on which every one failed
        List<SnapshotFacts> good = every(DAY, Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-20T00:00:00Z"));
        List<SnapshotFacts> history = new ArrayList<>(good);
        for (int d = 21; d <= 30; d++) {
            history.add(failed(Instant.parse(String.format("2024-01-%02dT00:00:00Z", d))));
        }
        for (Policy policy : List.of(Policy.of(Tier.PROFESSIONAL), Policy.of(Tier.VDC),
                Policy.custom("0 0 * * *", new KeepCounts(5, 0, 0, 2, 0)))) {
            RetentionPlan plan = Retention.plan(policy, history, Set.of(), UTC);
            assertEquals(Retention.plan(policy, good, Set.of(), UTC).toDelete(), plan.toDelete(),
                    "the failures change nothing for " + policy.describe());
            history.stream().filter(s -> s.state() == State.FAILED)
                    .forEach(f -> assertTrue(plan.decision(f.id()).orElseThrow().keep()));
        }
        RetentionPlan professional = Retention.plan(Policy.of(Tier.PROFESSIONAL), history, Set.of(), UTC);
        assertEquals(every(DAY, Instant.parse("2024-01-14T00:00:00Z"), Instant.parse("2024-01-20T00:00:00Z")).stream()
                .map(SnapshotFacts::completedAt).collect(Collectors.toSet()),
                keptTimes(professional, good), "the last seven good ones stay, however old");
    }

    @Test
    void aDeletionNamesThePolicyAndAKeepNamesItsRules() {
        List<SnapshotFacts> history = every(DAY, Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-10T00:00:00Z"));
        RetentionPlan plan = Retention.plan(Policy.of(Tier.PROFESSIONAL), history, Set.of(), UTC);
        assertEquals(List.of("daily 1 of 7", "the newest completed snapshot"),
                plan.decision(history.get(9).id()).orElseThrow().reasons());
        assertEquals("kept by no rule of professional (cron 0 0 * * *; daily 7)",
                plan.decision(history.get(0).id()).orElseThrow().reason());
    }

    @Test
    void negativeCountsAndPoliciesThatKeepNothingAreRefused() {
        assertEquals("hourly", assertThrows(PolicyException.class, () -> new KeepCounts(1, -1, 0, 0, 0)).field());
        assertEquals("monthly", assertThrows(PolicyException.class,
                () -> new KeepCounts(0, 0, 0, 0, KeepCounts.MAX + 1)).field());
        assertEquals("keepLast", assertThrows(PolicyException.class,
                () -> Policy.custom("0 3 * * *", new KeepCounts(0, 0, 0, 0, 0))).field());
    }

    private static List<SnapshotFacts> randomHistory(Random random) {
        List<SnapshotFacts> history = new ArrayList<>();
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        int n = 1 + random.nextInt(60);
        for (int i = 0; i < n; i++) {
            t = t.plusSeconds(60 + random.nextInt(3 * 86_400));
            Origin origin = Origin.values()[random.nextInt(Origin.values().length)];
            State state = random.nextInt(4) == 0 ? State.FAILED : State.COMPLETED;
            history.add(new SnapshotFacts("r" + i, origin, state, state == State.COMPLETED ? t : null,
                    random.nextInt(3) != 0));
        }
        return history;
    }
}
