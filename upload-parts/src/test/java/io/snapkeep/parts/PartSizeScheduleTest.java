package io.snapkeep.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PartSizeScheduleTest {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;
    private static final long TIB = 1L << 40;
    private static final long FIVE_TB = 5_000_000_000_000L;

    private final PartSizeSchedule defaults = new PartSizeSchedule(8 * MIB, 512 * MIB);

    @Test
    void doublesEveryThousandPartsUpToTheCap() {
        assertEquals(8 * MIB, defaults.partSize(1));
        assertEquals(8 * MIB, defaults.partSize(1000));
        assertEquals(16 * MIB, defaults.partSize(1001));
        assertEquals(32 * MIB, defaults.partSize(2001));
        assertEquals(512 * MIB, defaults.partSize(7000));
        assertEquals(512 * MIB, defaults.partSize(10_000));
    }

    @Test
    void defaultsHoldMultiTerabyteDumps() {
        assertTrue(defaults.capacity() > 2 * TIB, "capacity " + defaults.capacity());
        int parts = defaults.partsFor(2 * TIB);
        assertTrue(parts > 0 && parts < PartSizeSchedule.MAX_PARTS, "2 TiB takes " + parts + " parts");
    }

    @Test
    void fiveTerabytesFitInFewerThanTenThousandPartsWithTwoGibParts() {
        PartSizeSchedule schedule = new PartSizeSchedule(8 * MIB, 2 * GIB);
        int parts = schedule.partsFor(FIVE_TB);
        assertTrue(parts > 0 && parts < PartSizeSchedule.MAX_PARTS, "5 TB takes " + parts + " parts");
        assertTrue(schedule.capacity() >= FIVE_TB);
    }

    @Test
    void smallDumpsUseSmallParts() {
        assertEquals(1, defaults.partsFor(1));
        assertEquals(1, defaults.partsFor(8 * MIB));
        assertEquals(2, defaults.partsFor(8 * MIB + 1));
    }

    @Test
    void reportsWhatDoesNotFit() {
        assertEquals(-1, defaults.partsFor(defaults.capacity() + 1));
    }

    @Test
    void refusesSizesTheStoreRefuses() {
        assertThrows(IllegalArgumentException.class, () -> new PartSizeSchedule(4 * MIB, 512 * MIB));
        assertThrows(IllegalArgumentException.class, () -> new PartSizeSchedule(8 * MIB, 6 * GIB));
        assertThrows(IllegalArgumentException.class, () -> new PartSizeSchedule(64 * MIB, 32 * MIB));
    }
}
