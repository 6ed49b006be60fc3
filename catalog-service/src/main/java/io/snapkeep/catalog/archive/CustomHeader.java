package io.snapkeep.catalog.archive;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * The header pg_dump writes at the start of a custom archive and of a tar archive's {@code toc.dat}: magic
 * {@code PGDMP}, format version, integer sizes, format code, compression, creation time, database name and the server
 * and pg_dump versions (read as pg_restore's {@code ReadHead} does).
 */
record CustomHeader(int major, int minor, int revision, int formatCode, LocalDateTime createdAt, String database,
        String serverVersion, String dumpVersion) {
    static final int FORMAT_CUSTOM = 1;
    static final int FORMAT_TAR = 3;
    static final int FORMAT_DIRECTORY = 5;
    private static final byte[] MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_STRING = 4096;

    static boolean startsAt(byte[] bytes, int offset, int length) {
        if (length - offset < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[offset + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the header at {@code offset}; {@code end} is where the bytes known so far end.
     *
     * @throws Truncated when the header goes on past {@code end}
     * @throws IllegalArgumentException when it is not a header pg_restore would read
     */
    static CustomHeader read(byte[] bytes, int offset, int end) {
        Reader in = new Reader(bytes, offset + MAGIC.length, end);
        int major = in.unsignedByte();
        int minor = in.unsignedByte();
        int revision = major > 1 || (major == 1 && minor > 0) ? in.unsignedByte() : 0;
        if (major != 1) {
            throw new IllegalArgumentException("its header has archive version " + major + "." + minor
                    + ", which no pg_restore reads");
        }
        in.intSize = in.unsignedByte();
        if (in.intSize < 1 || in.intSize > 8) {
            throw new IllegalArgumentException("its header gives an integer size of " + in.intSize + " bytes");
        }
        if (minor >= 7) {
            in.unsignedByte(); // offset size
        }
        int formatCode = in.unsignedByte();
        if (minor >= 15) {
            in.unsignedByte(); // compression algorithm
        } else if (minor >= 4) {
            in.readInt(); // compression level
        } else if (minor >= 2) {
            in.unsignedByte();
        }
        LocalDateTime createdAt = null;
        String database = null;
        if (minor >= 4) {
            long sec = in.readInt();
            long min = in.readInt();
            long hour = in.readInt();
            long mday = in.readInt();
            long mon = in.readInt();
            long year = in.readInt();
            in.readInt(); // isdst
            database = in.readString();
            createdAt = time(year + 1900, mon + 1, mday, hour, min, sec);
        }
        String server = null;
        String dump = null;
        if (minor >= 10) {
            server = in.readString();
            dump = in.readString();
        }
        return new CustomHeader(major, minor, revision, formatCode, createdAt, database, server, dump);
    }

    /** As pg_restore -l shows it, e.g. {@code 1.14-0}. */
    String version() {
        return major + "." + minor + "-" + revision;
    }

    private static LocalDateTime time(long year, long month, long day, long hour, long minute, long second) {
        try {
            return LocalDateTime.of((int) year, (int) month, (int) day, (int) hour, (int) minute, (int) second);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The header ends after the bytes known. */
    static final class Truncated extends RuntimeException {
        Truncated() {
            super("the archive header is cut short", null, false, false);
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private final int end;
        private int position;
        private int intSize;

        Reader(byte[] bytes, int position, int end) {
            this.bytes = bytes;
            this.position = position;
            this.end = end;
        }

        int unsignedByte() {
            if (position >= end) {
                throw new Truncated();
            }
            return bytes[position++] & 0xff;
        }

        /** A sign byte, then {@code intSize} bytes, least significant first. */
        long readInt() {
            boolean negative = unsignedByte() != 0;
            long value = 0;
            for (int i = 0; i < intSize; i++) {
                long b = unsignedByte();
                if (i < 8) {
                    value |= b << (8 * i);
                }
            }
            return negative ? -value : value;
        }

        /** A length (-1 for none), then that many bytes. */
        String readString() {
            long length = readInt();
            if (length < 0) {
                return null;
            }
            if (length > MAX_STRING) {
                throw new IllegalArgumentException("its header holds a string of " + length + " bytes");
            }
            if (end - position < length) {
                throw new Truncated();
            }
            String s = new String(bytes, position, (int) length, StandardCharsets.UTF_8);
            position += (int) length;
            return s;
        }
    }
}
