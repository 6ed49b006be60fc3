package io.snapkeep.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SlotsTest {
    private static final Duration SPREAD = Duration.ofMinutes(10);
    private static final SchedulerSettings SETTINGS = new SchedulerSettings(ZoneOffset.UTC, SPREAD);

    @Test
    void theRequestIdOfASlotIsDeterministic() {
        Instant slot = Instant.parse("2024-05-01T03:00:00Z");
        assertEquals("scheduled:i-1:2024-05-01T03:00:00Z", Slots.requestId("i-1", slot));
        assertEquals(Slots.requestId("i-1", slot), Slots.requestId("i-1", Instant.parse("2024-05-01T03:00:00Z")));
        assertNotEquals(Slots.requestId("i-1", slot), Slots.requestId("i-2", slot));
        assertNotEquals(Slots.requestId("i-1", slot), Slots.requestId("i-1", slot.plusSeconds(3600)));
        assertEquals("scheduled-20240501T0300Z", Slots.snapshotName(slot));
    }

    @Test
    void aSlotIsDueAtItsOffsetAndTheSlotBeforeUntilThen() {
        Slots slots = hourly("instance-a");
        Instant slot = Instant.parse("2024-05-01T03:00:00Z");
        Instant due = slots.dueAt(slot);
        assertTrue(!due.isBefore(slot) && due.isBefore(slot.plus(SPREAD)));
        assertEquals(Optional.of(slot.minusSeconds(3600)), slots.latestDue(due.minusMillis(1)));
        assertEquals(Optional.of(slot), slots.latestDue(due));
        assertEquals(Optional.of(slot), slots.latestDue(slot.plusSeconds(3599)));
    }

    @Test
    void afterDowntimeOnlyTheLatestMissedSlotIsTakenOnce() {
        // a scheduler ticking every minute for two days, down from 05:30 to 11:20 on the first day (past the 11:00
        // slot's offset, which is below the 10-minute spread)
        Slots slots = hourly("instance-b");
        Instant start = Instant.parse("2024-05-01T00:00:00Z");
        Instant downFrom = Instant.parse("2024-05-01T05:30:00Z");
        Instant downUntil = Instant.parse("2024-05-01T11:20:00Z");
        Set<String> served = new HashSet<>();
        List<Instant> requested = new ArrayList<>();
        for (Instant now = start; now.isBefore(start.plus(Duration.ofDays(2))); now = now.plusSeconds(60)) {
            if (!now.isBefore(downFrom) && now.isBefore(downUntil)) {
                continue;
            }
            slots.latestDue(now).filter(slot -> served.add(Slots.requestId("instance-b", slot)))
                    .ifPresent(requested::add);
        }
        assertEquals(Instant.parse("2024-04-30T23:00:00Z"), requested.get(0), "the slot due before the start");
        assertTrue(requested.contains(Instant.parse("2024-05-01T05:00:00Z")));
        List<Instant> missed = requested.stream().filter(s -> s.isAfter(Instant.parse("2024-05-01T05:00:00Z"))
                && s.isBefore(Instant.parse("2024-05-01T12:00:00Z"))).toList();
        assertEquals(List.of(Instant.parse("2024-05-01T11:00:00Z")), missed, "one catch-up for six missed slots");
        assertEquals(requested.size(), new HashSet<>(requested).size(), "no slot twice");
        assertEquals(1 + 6 + 1 + 36, requested.size());
    }

    @Test
    void offsetsAreDeterministicAndSpreadOverTheWindow() {
        Instant slot = Instant.parse("2024-05-01T03:00:00Z");
        int[] deciles = new int[10];
        for (int i = 0; i < 2000; i++) {
            String id = UUID.nameUUIDFromBytes(("instance-" + i).getBytes()).toString();
            Duration offset = hourly(id).offset(slot);
            assertEquals(offset, hourly(id).offset(slot.plusSeconds(7200)), "the same offset for every slot");
            assertTrue(!offset.isNegative() && offset.compareTo(SPREAD) < 0, offset.toString());
            deciles[(int) (offset.toMillis() * 10 / SPREAD.toMillis())]++;
        }
        for (int count : deciles) {
            assertTrue(count > 140 && count < 260, "about 200 instances per minute of the window: " + count);
        }
    }

    @Test
    void theOffsetStaysBelowTheGapToTheNextSlot() {
        Slots everyMinute = Policy.custom("* * * * *", KeepCounts.last(1)).slots("x", SETTINGS).orElseThrow();
        Instant slot = Instant.parse("2024-05-01T03:07:00Z");
        assertTrue(everyMinute.offset(slot).compareTo(Duration.ofMinutes(1)) < 0);
        assertEquals(Optional.of(slot), everyMinute.latestDue(slot.plusSeconds(60).minusMillis(1)));
    }

    @Test
    void theFreeTierHasNoSlots() {
        assertTrue(Policy.of(Tier.FREE).slots("x", SETTINGS).isEmpty());
    }

    private static Slots hourly(String instanceId) {
        return Policy.of(Tier.BUSINESS_CRITICAL).slots(instanceId, SETTINGS).orElseThrow();
    }
}
