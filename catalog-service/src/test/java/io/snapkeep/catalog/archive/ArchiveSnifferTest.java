package io.snapkeep.catalog.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import io.snapkeep.catalog.service.CatalogException;
import io.snapkeep.catalog.service.DumpFormat;

/** Headers as pg_dump writes them, built byte by byte for archive versions this machine's pg_dump does not make. */
class ArchiveSnifferTest {

    @Test
    void aVersion15HeaderHasACompressionAlgorithmByte() {
        byte[] header = custom(15, 1);
        ArchiveInfo info = ArchiveSniffer.identify(header, header.length);
        assertEquals(DumpFormat.CUSTOM, info.format());
        assertEquals("1.15-0", info.archiveVersion());
        assertEquals("netbox", info.database());
        assertEquals("16.4", info.serverVersion());
        assertEquals("16.4", info.dumpVersion());
        assertEquals(LocalDateTime.of(2026, 11, 23, 10, 15, 0), info.dumpedAt());
    }

    @Test
    void aVersion14HeaderHasACompressionLevelInteger() {
        byte[] header = custom(14, 1);
        assertEquals("1.14-0", ArchiveSniffer.identify(header, header.length).archiveVersion());
    }

    @Test
    void aHeaderCutShortIsRefusedAsTruncated() {
        byte[] header = custom(14, 1);
        CatalogException e = assertThrows(CatalogException.class, () -> ArchiveSniffer.identify(header, 40));
        assertEquals(422, e.status());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aDirectoryFormatTocIsRefusedWithWhatToDo() {
        byte[] header = custom(14, 5);
        CatalogException e = assertThrows(CatalogException.class, () -> ArchiveSniffer.identify(header, header.length));
        assertTrue(e.getMessage().contains("directory-format"), e.getMessage());
    }

    @Test
    void plainDumpsAreKnownByTheirFirstLinesAndPgDumpallIsNot() {
        byte[] plain = ("--\n-- PostgreSQL database dump\n--\n\n-- Dumped from database version 15.20 (Debian)\n"
                + "-- Dumped by pg_dump version 16.1\n-- Started on 2026-11-23 10:15:00 UTC\n\n"
                + "CREATE DATABASE \"net\"\"box\" WITH TEMPLATE = template0;\n").getBytes(StandardCharsets.UTF_8);
        ArchiveInfo info = ArchiveSniffer.identify(plain, plain.length);
        assertEquals(DumpFormat.PLAIN, info.format());
        assertEquals("15.20", info.serverVersion());
        assertEquals("16.1", info.dumpVersion());
        assertEquals("net\"box", info.database());
        assertEquals(LocalDateTime.of(2026, 11, 23, 10, 15, 0), info.dumpedAt());

        byte[] all = "--\n-- PostgreSQL database cluster dump\n--\n".getBytes(StandardCharsets.UTF_8);
        CatalogException e = assertThrows(CatalogException.class, () -> ArchiveSniffer.identify(all, all.length));
        assertTrue(e.getMessage().contains("pg_dumpall"), e.getMessage());
    }

    /** A custom-format header of archive version 1.{@code minor} and the given format code. */
    private static byte[] custom(int minor, int format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("PGDMP".getBytes(StandardCharsets.US_ASCII));
        out.write(1);
        out.write(minor);
        out.write(0);
        out.write(4); // int size
        out.write(8); // offset size
        out.write(format);
        if (minor >= 15) {
            out.write(1); // gzip
        } else {
            writeInt(out, -1);
        }
        for (int field : new int[] { 0, 15, 10, 23, 10, 126, 0 }) {
            writeInt(out, field);
        }
        writeString(out, "netbox");
        writeString(out, "16.4 (Debian 16.4-1.pgdg120+1)");
        writeString(out, "16.4 (Debian 16.4-1.pgdg120+1)");
        out.writeBytes(new byte[64]);
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value < 0 ? 1 : 0);
        int v = Math.abs(value);
        for (int i = 0; i < 4; i++) {
            out.write((v >> (8 * i)) & 0xff);
        }
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeInt(out, bytes.length);
        out.writeBytes(bytes);
    }
}
