package io.snapkeep.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * A crontab schedule of five fields (minute, hour, day of month, month, day of week, e.g. {@code 0 3 * * *}),
 * evaluated in a time zone. Its fire times are whole minutes. Parsed schedules and their next fire times are cached:
 * retention's expiry dates step through many future slots, and many instances share one schedule.
 */
public final class CronSchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final ZonedDateTime PROBE_FROM = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final Memo<String, CronSchedule> PARSED = new Memo<>(1_000, CronSchedule::compile);

    private final String expression;
    private final ExecutionTime execution;
    private final Memo<ZonedDateTime, Optional<Instant>> next;

    private CronSchedule(String expression, ExecutionTime execution) {
        this.expression = expression;
        this.execution = execution;
        this.next = new Memo<>(10_000, t -> execution.nextExecution(t).map(ZonedDateTime::toInstant));
    }

    /** @throws PolicyException naming {@code cron} when the expression is missing, malformed or never fires */
    public static CronSchedule parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new PolicyException("cron", "cron is required: five fields, minute hour day-of-month month "
                    + "day-of-week, e.g. \"0 3 * * *\" for 03:00 every day.");
        }
        return PARSED.get(expression.strip().replaceAll("\\s+", " "));
    }

    private static CronSchedule compile(String trimmed) {
        Cron cron;
        try {
            cron = PARSER.parse(trimmed).validate();
        } catch (IllegalArgumentException e) {
            throw new PolicyException("cron", "cron '" + trimmed + "' is not a valid cron expression ("
                    + e.getMessage() + "): give five fields, minute hour day-of-month month day-of-week, e.g. "
                    + "\"0 3 * * *\".");
        }
        ExecutionTime execution = ExecutionTime.forCron(cron);
        if (execution.nextExecution(PROBE_FROM).isEmpty()) {
            throw new PolicyException("cron", "cron '" + trimmed + "' never fires: check its day and month.");
        }
        return new CronSchedule(trimmed, execution);
    }

    public String expression() {
        return expression;
    }

    /** The latest fire time at or before {@code t}. */
    public Optional<Instant> latestAtOrBefore(Instant t, ZoneId zone) {
        ZonedDateTime minute = t.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
        if (execution.isMatch(minute)) {
            return Optional.of(minute.toInstant());
        }
        return execution.lastExecution(minute).map(ZonedDateTime::toInstant);
    }

    /** The first fire time strictly after {@code t}. */
    public Optional<Instant> nextAfter(Instant t, ZoneId zone) {
        return next.get(t.atZone(zone));
    }

    /** The first fire time at or after {@code t}. */
    public Optional<Instant> nextAtOrAfter(Instant t, ZoneId zone) {
        return nextAfter(t.minusNanos(1), zone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronSchedule c && c.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}
