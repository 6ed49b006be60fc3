package io.snapkeep.policy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The schedule slots of one instance. A slot is a fire time of the policy's cron; the instance's snapshot for it is
 * due a fixed offset later, so that many instances on one schedule do not all start at the same second: the offset is
 * the same fraction (from a hash of the instance id) of the spread window for every slot, capped below the time to the
 * next slot.
 */
public record Slots(String instanceId, CronSchedule cron, ZoneId zone, Duration spread) {
    private static final String REQUEST_PREFIX = "scheduled:";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * The latest slot whose due time has come, or empty when none has. After downtime this is still only the latest
     * missed slot: one catch-up snapshot, never one per missed slot.
     */
    public Optional<Instant> latestDue(Instant now) {
        Optional<Instant> latest = cron.latestAtOrBefore(now, zone);
        if (latest.isEmpty() || !dueAt(latest.get()).isAfter(now)) {
            return latest;
        }
        // its offset is below the gap to the next slot, so the slot before is due
        return cron.latestAtOrBefore(latest.get().minusSeconds(1), zone);
    }

    /** When the snapshot of {@code slot} is due: the slot plus this instance's offset. */
    public Instant dueAt(Instant slot) {
        return slot.plus(offset(slot));
    }

    /** This instance's offset for {@code slot}, from 0 up to the spread, below the gap to the next slot. */
    public Duration offset(Instant slot) {
        Duration window = cron.nextAfter(slot, zone).map(next -> Duration.between(slot, next))
                .filter(gap -> gap.compareTo(spread) < 0).orElse(spread);
        return Duration.ofMillis((long) (fraction(instanceId) * window.toMillis()));
    }

    /** The first slot after {@code t}. */
    public Optional<Instant> nextAfter(Instant t) {
        return cron.nextAfter(t, zone);
    }

    /** The deterministic request id of an instance's slot: two replicas or a restart ask for the same snapshot. */
    public static String requestId(String instanceId, Instant slot) {
        return REQUEST_PREFIX + instanceId + ":" + slot;
    }

    /** The name a scheduled snapshot gets: {@code scheduled-20240501T0300Z} (the slot, UTC). */
    public static String snapshotName(Instant slot) {
        return "scheduled-" + NAME.format(slot);
    }

    /** A number in [0, 1) fixed by the instance id. */
    static double fraction(String instanceId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(instanceId.getBytes(StandardCharsets.UTF_8));
            return (ByteBuffer.wrap(hash).getLong() >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
