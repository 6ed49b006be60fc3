package io.snapkeep.catalog.archive;

import java.nio.charset.StandardCharsets;

/**
 * Walks the tar structure as it streams past: each member header's checksum, each member's full length, the
 * end-of-archive zero blocks, nothing but zeros after them. pg_restore stops reading a tar archive once it has the data
 * it needs, so this is what notices a tar file cut short in its last member ({@code restore.sql}).
 */
final class TarStructureCheck implements ArchiveCheck {
    private static final int BLOCK = ArchiveSniffer.TAR_BLOCK;

    private final byte[] header = new byte[BLOCK];
    private int headerFill;
    private long memberLeft;
    private String member = "";
    private int members;
    private boolean ended;
    private long offset;

    @Override
    public void accept(byte[] bytes, int start, int length) {
        int position = start;
        int end = start + length;
        while (position < end) {
            if (ended) {
                for (int i = position; i < end; i++) {
                    if (bytes[i] != 0) {
                        throw ArchiveRefusal.of("The tar archive goes on after its end-of-archive blocks (at byte "
                                + (offset + i - start) + "): it is not a file pg_dump -F t wrote.");
                    }
                }
                break;
            }
            if (memberLeft > 0) {
                int n = (int) Math.min(memberLeft, end - position);
                memberLeft -= n;
                position += n;
                continue;
            }
            int n = Math.min(BLOCK - headerFill, end - position);
            System.arraycopy(bytes, position, header, headerFill, n);
            headerFill += n;
            position += n;
            if (headerFill == BLOCK) {
                headerFill = 0;
                readHeader(offset + (position - start) - BLOCK);
            }
        }
        offset += length;
    }

    private void readHeader(long at) {
        if (allZero()) {
            ended = true;
            return;
        }
        long expected = octal(148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        if (expected != sum) {
            throw ArchiveRefusal.of("The tar archive is damaged: the member header at byte " + at
                    + " fails its checksum.");
        }
        member = cString(0, 100);
        members++;
        long size = size();
        memberLeft = (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    @Override
    public void finish() {
        if (memberLeft > 0 || headerFill > 0) {
            throw ArchiveRefusal.of("The tar archive ends inside " + (memberLeft > 0 ? "its member " + member
                    : "a member header") + ": it is truncated (" + offset + " bytes received).");
        }
        if (!ended) {
            throw ArchiveRefusal.of("The tar archive has no end-of-archive blocks after its " + members
                    + " members: it is truncated (" + offset + " bytes received).");
        }
    }

    @Override
    public void abort() {
        // holds nothing
    }

    private boolean allZero() {
        for (byte b : header) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Octal digits, or the base-256 form (high bit of the first byte set) for sizes beyond 8 GiB. */
    private long size() {
        if ((header[124] & 0x80) != 0) {
            long value = 0;
            for (int i = 125; i < 136; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        return octal(124, 12);
    }

    private long octal(int start, int length) {
        int i = start;
        int end = start + length;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        long value = 0;
        for (; i < end && header[i] != ' ' && header[i] != 0; i++) {
            int c = header[i];
            if (c < '0' || c > '7') {
                throw ArchiveRefusal.of("The tar archive is damaged: a member header holds '" + (char) (c & 0xff)
                        + "' where an octal number belongs.");
            }
            value = value * 8 + (c - '0');
        }
        return value;
    }

    private String cString(int start, int max) {
        int end = start;
        while (end < start + max && header[end] != 0) {
            end++;
        }
        return new String(header, start, end - start, StandardCharsets.UTF_8);
    }
}
