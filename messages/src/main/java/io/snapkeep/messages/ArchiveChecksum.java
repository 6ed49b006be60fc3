package io.snapkeep.messages;

import java.util.Locale;

/**
 * The checksum object a dump-worker stores beside each archive it writes, {@code <archive key>.sha256}, holding one
 * {@code sha256sum} line ({@code <hex>  <file name>}), so that {@code sha256sum -c} checks a downloaded archive. It is
 * a separate object because the SHA-256 is known only once the archive has been streamed, after the multipart upload
 * was created (when object metadata must be given), and the S3-compatible stores we run on (S3Proxy) take no object
 * tags; rewriting the archive by CopyObject to add metadata would copy it whole.
 */
public final class ArchiveChecksum {
    public static final String SUFFIX = ".sha256";
    private static final int HEX_LENGTH = 64;

    private ArchiveChecksum() {
    }

    public static String keyOf(String archiveKey) {
        return archiveKey + SUFFIX;
    }

    public static String line(String archiveKey, String sha256) {
        return sha256 + "  " + archiveKey.substring(archiveKey.lastIndexOf('/') + 1) + "\n";
    }

    /** The SHA-256 (lower-case hex) a checksum object holds, or null when it holds none. */
    public static String sha256Of(String content) {
        String hex = content.strip();
        int end = hex.indexOf(' ');
        hex = end < 0 ? hex : hex.substring(0, end);
        return hex.length() == HEX_LENGTH && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                ? hex.toLowerCase(Locale.ROOT) : null;
    }
}
