package io.snapkeep.policy;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How schedules run, the same for the scheduler and the catalog: the time zone of cron expressions and of the
 * hour/day/week/month buckets of retention, and the window over which instances' slot offsets are spread.
 */
public record SchedulerSettings(ZoneId zone, Duration spread) {
}
