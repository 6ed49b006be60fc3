package io.snapkeep.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** The calendar buckets of the grandfather-father-son rules, in a time zone; a bucket is named by its local start. */
enum Period {
    HOUR {
        @Override
        LocalDateTime start(LocalDateTime t) {
            return t.truncatedTo(ChronoUnit.HOURS);
        }

        @Override
        LocalDateTime next(LocalDateTime start) {
            return start.plusHours(1);
        }
    },
    DAY {
        @Override
        LocalDateTime start(LocalDateTime t) {
            return t.toLocalDate().atStartOfDay();
        }

        @Override
        LocalDateTime next(LocalDateTime start) {
            return start.plusDays(1);
        }
    },
    /** ISO weeks, Monday to Sunday. */
    WEEK {
        @Override
        LocalDateTime start(LocalDateTime t) {
            return t.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
        }

        @Override
        LocalDateTime next(LocalDateTime start) {
            return start.plusWeeks(1);
        }
    },
    MONTH {
        @Override
        LocalDateTime start(LocalDateTime t) {
            return t.toLocalDate().withDayOfMonth(1).atStartOfDay();
        }

        @Override
        LocalDateTime next(LocalDateTime start) {
            return start.plusMonths(1);
        }
    };

    abstract LocalDateTime start(LocalDateTime t);

    abstract LocalDateTime next(LocalDateTime start);

    LocalDateTime bucketOf(Instant t, ZoneId zone) {
        return start(LocalDateTime.ofInstant(t, zone));
    }

    /** The instant the bucket after {@code bucket} begins. */
    Instant nextStart(LocalDateTime bucket, ZoneId zone) {
        return next(bucket).atZone(zone).toInstant();
    }
}
