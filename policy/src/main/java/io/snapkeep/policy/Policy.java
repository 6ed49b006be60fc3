package io.snapkeep.policy;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When an instance's snapshots are taken and which are kept: a tier, or a custom cron schedule with keep counts.
 * {@code schedule} is null for on-demand only; {@code allOrigins} makes retention prune snapshots of every origin, not
 * only scheduled ones.
 */
public record Policy(String name, CronSchedule schedule, KeepCounts keep, boolean allOrigins) {
    public static final String CUSTOM = "custom";
    private static final Map<Tier, Policy> TIERS = Arrays.stream(Tier.values()).collect(Collectors.toMap(t -> t,
            t -> new Policy(t.id(), t.cron() == null ? null : CronSchedule.parse(t.cron()), t.keep(), t.allOrigins()),
            (a, b) -> a, () -> new EnumMap<>(Tier.class)));

    public static Policy of(Tier tier) {
        return TIERS.get(tier);
    }

    /** @throws PolicyException when the cron is invalid or the counts keep nothing */
    public static Policy custom(String cron, KeepCounts keep) {
        CronSchedule schedule = CronSchedule.parse(cron);
        if (keep.keepsNothing()) {
            throw new PolicyException("keepLast", "a custom policy must keep something: set keepLast, hourly, daily, "
                    + "weekly or monthly above 0.");
        }
        return new Policy(CUSTOM, schedule, keep, false);
    }

    /** The policy of a tier id. */
    public static Optional<Policy> tier(String id) {
        return Tier.byId(id).map(Policy::of);
    }

    public boolean isScheduled() {
        return schedule != null;
    }

    /** Whether retention applies to snapshots of this origin. */
    public boolean prunes(Origin origin) {
        return allOrigins || origin == Origin.SCHEDULED;
    }

    /** The slots of one instance under this policy; empty when it is on demand only. */
    public Optional<Slots> slots(String instanceId, SchedulerSettings settings) {
        return isScheduled() ? Optional.of(new Slots(instanceId, schedule, settings.zone(), settings.spread()))
                : Optional.empty();
    }

    /** For example {@code vdc (cron 0 * * * *; hourly 168, daily 60)}. */
    public String describe() {
        return name + " (" + (isScheduled() ? "cron " + schedule.expression() : "on demand only") + "; "
                + keep.describe() + (allOrigins ? " of any origin" : "") + ")";
    }
}
