package io.snapkeep.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void aFireTimeIsItsOwnLatestAndTheNextIsStrictlyAfter() {
        CronSchedule hourly = CronSchedule.parse("0 * * * *");
        Instant at = Instant.parse("2024-03-10T05:00:00Z");
        assertEquals(at, hourly.latestAtOrBefore(at, UTC).orElseThrow());
        assertEquals(at, hourly.latestAtOrBefore(at.plusSeconds(3599), UTC).orElseThrow());
        assertEquals(at.minusSeconds(3600), hourly.latestAtOrBefore(at.minusMillis(1), UTC).orElseThrow());
        assertEquals(at.plusSeconds(3600), hourly.nextAfter(at, UTC).orElseThrow());
        assertEquals(at, hourly.nextAtOrAfter(at, UTC).orElseThrow());
    }

    @Test
    void theZoneDecidesWhenADailyCronFires() {
        CronSchedule three = CronSchedule.parse(" 0  3 * * * ");
        assertEquals("0 3 * * *", three.expression());
        assertEquals(Instant.parse("2024-07-01T01:00:00Z"),
                three.nextAfter(Instant.parse("2024-06-30T12:00:00Z"), ZoneId.of("Europe/Berlin")).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "every day", "0 3 * *", "61 * * * *", "0 25 * * *", "0 3 * * * * *" })
    void anInvalidCronIsRefusedNamingTheField(String cron) {
        PolicyException e = assertThrows(PolicyException.class, () -> CronSchedule.parse(cron));
        assertEquals("cron", e.field());
        assertTrue(e.getMessage().contains("cron"), e.getMessage());
    }

    @Test
    void aCronThatNeverFiresIsRefused() {
        PolicyException e = assertThrows(PolicyException.class, () -> CronSchedule.parse("0 0 31 2 *"));
        assertEquals("cron", e.field());
    }
}
