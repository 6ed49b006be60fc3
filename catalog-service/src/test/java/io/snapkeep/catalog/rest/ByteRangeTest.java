package io.snapkeep.catalog.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
    private static final long SIZE = 1000;

    @Test
    void theThreeFormsOfOneRange() {
        assertEquals(Optional.of(new ByteRange(10, 19)), ByteRange.parse("bytes=10-19", SIZE));
        assertEquals(Optional.of(new ByteRange(10, 999)), ByteRange.parse("bytes=10-", SIZE));
        assertEquals(Optional.of(new ByteRange(900, 999)), ByteRange.parse("bytes=-100", SIZE));
        assertEquals(Optional.of(new ByteRange(0, 999)), ByteRange.parse("bytes=-5000", SIZE));
        assertEquals(Optional.of(new ByteRange(990, 999)), ByteRange.parse("bytes=990-5000", SIZE));
        assertEquals("bytes 10-19/1000", new ByteRange(10, 19).contentRange(SIZE));
    }

    @Test
    void whatCannotBeServedAsOneRangeIsIgnored() {
        assertEquals(Optional.empty(), ByteRange.parse(null, SIZE));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=0-1,5-6", SIZE));
        assertEquals(Optional.empty(), ByteRange.parse("items=0-1", SIZE));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=20-10", SIZE));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=-", SIZE));
    }

    @Test
    void rangesPastTheEndAreUnsatisfiable() {
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=1000-", SIZE));
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=1000-2000", SIZE));
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=-0", SIZE));
    }
}
