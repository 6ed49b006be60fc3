package io.snapkeep.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DatabaseNamesTest {
    private static final UUID JOB = UUID.fromString("0a1b2c3d-0000-0000-0000-000000000000");
    private static final Instant AT = Instant.parse("2025-03-04T05:06:07Z");

    @Test
    void aShortAsciiNameIsKeptWhole() {
        assertEquals("netbox__restore_0a1b2c3d_2", DatabaseNames.side("netbox", JOB, 2));
        assertEquals("netbox__prev_20250304T050607", DatabaseNames.previous("netbox", AT));
    }

    @Test
    void aLongAsciiNameKeepsItsFirst36Characters() {
        String target = "a".repeat(63);
        assertEquals("a".repeat(36) + "__restore_0a1b2c3d_1", DatabaseNames.side(target, JOB, 1));
    }

    @Test
    void aCyrillicNameIsCutByBytesOnACharacterBoundary() {
        String target = "ИнвентаризацияСетиЦОДа"; // 22 characters, 44 bytes
        String side = DatabaseNames.side(target, JOB, 1);
        String previous = DatabaseNames.previous(target, AT);

        assertEquals("ИнвентаризацияСети__restore_0a1b2c3d_1", side);
        assertEquals("ИнвентаризацияСети__prev_20250304T050607", previous);
        assertEquals(36, bytes("ИнвентаризацияСети"));
        assertTrue(DatabaseNames.fits(side), side);
        assertTrue(DatabaseNames.fits(previous), previous);
    }

    @Test
    void aCutNeverSplitsACharacter() {
        assertEquals("ab", DatabaseNames.cut("abя", 3));
        assertEquals("abя", DatabaseNames.cut("abя", 4));
        assertEquals("a", DatabaseNames.cut("a😀", 4));
        assertEquals("a😀", DatabaseNames.cut("a😀", 5));
    }

    @Test
    void aNameFitsByItsBytes() {
        assertTrue(DatabaseNames.fits("a".repeat(63)));
        assertFalse(DatabaseNames.fits("a".repeat(64)));
        assertTrue(DatabaseNames.fits("я".repeat(31) + "a"));
        assertFalse(DatabaseNames.fits("я".repeat(32)), "32 characters, 64 bytes");
        assertFalse(DatabaseNames.fits("a\0b"));
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
