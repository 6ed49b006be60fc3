package io.snapkeep.catalog.archive;

import java.nio.charset.StandardCharsets;

/**
 * A plain SQL dump is complete when pg_dump's {@code -- PostgreSQL database dump complete} comment is near its end,
 * followed only by comment lines, blank lines and the {@code unrestrict} meta-command of newer pg_dump versions. Keeps
 * the last few KiB that stream past.
 */
final class PlainEndCheck implements ArchiveCheck {
    static final String COMPLETE = "-- PostgreSQL database dump complete";
    private static final int TAIL = 4096;

    private final byte[] ring = new byte[TAIL];
    private long written;

    @Override
    public void accept(byte[] bytes, int offset, int length) {
        int from = length > TAIL ? offset + length - TAIL : offset;
        written += from - offset;
        for (int i = from; i < offset + length; i++) {
            ring[(int) (written++ % TAIL)] = bytes[i];
        }
    }

    @Override
    public void finish() {
        String tail = tail();
        int at = tail.lastIndexOf(COMPLETE);
        if (at < 0 || !onlyTrailerAfter(tail.substring(at + COMPLETE.length()))) {
            throw ArchiveRefusal.of("The plain SQL dump does not end with pg_dump's '" + COMPLETE + "' line: it is "
                    + "truncated, or it is not a pg_dump script as written.");
        }
    }

    @Override
    public void abort() {
        // holds nothing
    }

    private static boolean onlyTrailerAfter(String rest) {
        for (String line : rest.split("\\r?\\n", -1)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("--") && !l.startsWith("\\unrestrict ")) {
                return false;
            }
        }
        return true;
    }

    private String tail() {
        int n = (int) Math.min(written, TAIL);
        byte[] ordered = new byte[n];
        long start = written - n;
        for (int i = 0; i < n; i++) {
            ordered[i] = ring[(int) ((start + i) % TAIL)];
        }
        return new String(ordered, StandardCharsets.UTF_8);
    }
}
