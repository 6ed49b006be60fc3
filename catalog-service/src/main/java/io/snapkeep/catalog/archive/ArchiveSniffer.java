package io.snapkeep.catalog.archive;

import java.nio.charset.StandardCharsets;

import io.snapkeep.catalog.service.DumpFormat;

/**
 * Recognises a pg_dump archive by its first bytes (never by a file name) and reads what its header says; refuses
 * anything else with a sentence saying what the bytes look like instead.
 */
public final class ArchiveSniffer {
    /** How many first bytes {@link #identify} wants: the headers, and a plain dump's first lines. */
    public static final int PREFIX_SIZE = 64 * 1024;
    static final int TAR_BLOCK = 512;

    private ArchiveSniffer() {
    }

    /**
     * @param prefix the first bytes of the upload: {@link #PREFIX_SIZE} of them, or fewer when the upload is that short
     * @throws io.snapkeep.catalog.service.CatalogException 422 when it is not a pg_dump archive
     */
    public static ArchiveInfo identify(byte[] prefix, int length) {
        if (length == 0) {
            throw ArchiveRefusal.of("The upload is empty: send the archive file as the body (e.g. curl -T file.dump "
                    + "or --data-binary @file.dump) or as the 'file' part of a multipart form.");
        }
        if (CustomHeader.startsAt(prefix, 0, length)) {
            return custom(prefix, length);
        }
        if (isTar(prefix, length)) {
            return tar(prefix, length);
        }
        if (PlainHeader.looksLikePgDump(prefix, length)) {
            return PlainHeader.read(prefix, length);
        }
        throw ArchiveRefusal.of(notADump(prefix, length));
    }

    private static ArchiveInfo custom(byte[] prefix, int length) {
        CustomHeader header = header(prefix, 0, length, "custom-format archive");
        switch (header.formatCode()) {
            case CustomHeader.FORMAT_CUSTOM -> {
                return info(DumpFormat.CUSTOM, header);
            }
            case CustomHeader.FORMAT_TAR -> throw ArchiveRefusal.of("This is the toc.dat taken out of a tar archive; "
                    + "upload the whole tar file pg_dump -F t wrote.");
            case CustomHeader.FORMAT_DIRECTORY -> throw ArchiveRefusal.of("This is the toc.dat of a directory-format "
                    + "dump (pg_dump -F d), which is many files; dump again with -F c or -F t to get one file.");
            default -> throw ArchiveRefusal.of("This file starts like a pg_dump archive but names format code "
                    + header.formatCode() + ", which is none of custom or tar.");
        }
    }

    private static ArchiveInfo tar(byte[] prefix, int length) {
        String first = cString(prefix, 0, 100);
        if (!"toc.dat".equals(first)) {
            throw ArchiveRefusal.of("This is a tar file, but not one pg_dump -F t wrote: its first member is '"
                    + first + "' where pg_dump puts toc.dat.");
        }
        if (!CustomHeader.startsAt(prefix, TAR_BLOCK, length)) {
            throw ArchiveRefusal.of(length < TAR_BLOCK + 5
                    ? "The tar archive ends inside its first member: it is truncated."
                    : "This tar file's toc.dat is not a pg_dump table of contents.");
        }
        CustomHeader header = header(prefix, TAR_BLOCK, length, "tar archive");
        if (header.formatCode() != CustomHeader.FORMAT_TAR) {
            throw ArchiveRefusal.of("This tar file's toc.dat names format code " + header.formatCode()
                    + " where pg_dump -F t writes 3: it is not a pg_dump tar archive.");
        }
        return info(DumpFormat.TAR, header);
    }

    private static CustomHeader header(byte[] prefix, int offset, int length, String what) {
        try {
            return CustomHeader.read(prefix, offset, length);
        } catch (CustomHeader.Truncated e) {
            throw ArchiveRefusal.of("The file starts like a pg_dump " + what + " but ends inside its header: it is "
                    + "truncated.");
        } catch (IllegalArgumentException e) {
            throw ArchiveRefusal.of("The file starts like a pg_dump " + what + " but " + e.getMessage() + ".");
        }
    }

    private static ArchiveInfo info(DumpFormat format, CustomHeader header) {
        return new ArchiveInfo(format, header.version(), versionNumber(header.serverVersion()),
                versionNumber(header.dumpVersion()), header.database(), header.createdAt());
    }

    /** {@code 15.20} of {@code 15.20 (Debian 15.20-0+deb12u1)}, as dump-workers report versions. */
    static String versionNumber(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        String first = version.strip().split("\\s+", 2)[0];
        return first.length() > 32 ? first.substring(0, 32) : first;
    }

    static boolean isTar(byte[] prefix, int length) {
        return length >= 262 && "ustar".equals(new String(prefix, 257, 5, StandardCharsets.US_ASCII));
    }

    private static String cString(byte[] bytes, int offset, int max) {
        int end = offset;
        while (end < offset + max && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** What the bytes are instead, as far as their magic number tells. */
    private static String notADump(byte[] b, int length) {
        if (startsWith(b, length, 0x50, 0x4b, 0x03, 0x04) || startsWith(b, length, 0x50, 0x4b, 0x05, 0x06)) {
            return "This is a zip file, not a pg_dump archive: extract the dump from it and upload that.";
        }
        if (startsWith(b, length, 0x1f, 0x8b)) {
            return "This file is gzip-compressed: gunzip it and upload the dump inside (a custom-format archive is "
                    + "compressed already).";
        }
        if (startsWith(b, length, 0x28, 0xb5, 0x2f, 0xfd) || startsWith(b, length, 'B', 'Z', 'h')
                || startsWith(b, length, 0xfd, '7', 'z', 'X', 'Z', 0x00) || startsWith(b, length, 0x04, 0x22, 0x4d, 0x18)) {
            return "This file is compressed (zstd, bzip2, xz or lz4): decompress it and upload the dump inside.";
        }
        String text = new String(b, 0, Math.min(length, 200), StandardCharsets.ISO_8859_1);
        if (text.startsWith("--") && text.contains("PostgreSQL database cluster dump")) {
            return "This is the output of pg_dumpall (a whole cluster), not of pg_dump: dump one database with pg_dump.";
        }
        return "This is not a pg_dump archive: it starts with none of the marks pg_dump writes (PGDMP for custom, a "
                + "tar header with toc.dat for tar, '-- PostgreSQL database dump' for plain SQL).";
    }

    private static boolean startsWith(byte[] bytes, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
