package io.snapkeep.policy;

import java.util.Arrays;
import java.util.Optional;

/** The policy tiers of the design, modelled on managed offerings; each is a schedule and keep counts. */
public enum Tier {
    FREE("free", null, KeepCounts.last(1), true, "on demand only", "the latest snapshot only, of any origin"),
    PROFESSIONAL("professional", "0 0 * * *", new KeepCounts(0, 0, 7, 0, 0), false, "daily",
            "7 days: the newest scheduled snapshot of each of the last 7 days"),
    BUSINESS_CRITICAL("business-critical", "0 * * * *", new KeepCounts(0, 720, 0, 0, 0), false, "hourly",
            "30 days: the newest scheduled snapshot of each of the last 720 hours"),
    VDC("vdc", "0 * * * *", new KeepCounts(0, 168, 60, 0, 0), false, "hourly",
            "the hourly ones for days 1-7, then one a day (the newest of each day) for days 8-60");

    private final String id;
    private final String cron;
    private final KeepCounts keep;
    private final boolean allOrigins;
    private final String schedule;
    private final String retention;

    Tier(String id, String cron, KeepCounts keep, boolean allOrigins, String schedule, String retention) {
        this.id = id;
        this.cron = cron;
        this.keep = keep;
        this.allOrigins = allOrigins;
        this.schedule = schedule;
        this.retention = retention;
    }

    public static Optional<Tier> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** The tier ids, comma-separated, for error messages. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Tier::id).toList());
    }

    public String id() {
        return id;
    }

    /** The crontab expression of its schedule (at the top of the hour or midnight), or null: on demand only. */
    public String cron() {
        return cron;
    }

    public KeepCounts keep() {
        return keep;
    }

    /** Whether retention prunes snapshots of every origin (free), not only scheduled ones. */
    public boolean allOrigins() {
        return allOrigins;
    }

    /** The schedule in words: {@code hourly}. */
    public String schedule() {
        return schedule;
    }

    /** The retention in words. */
    public String retention() {
        return retention;
    }
}
