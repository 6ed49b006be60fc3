package io.snapkeep.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A running SHA-256 and byte count of what passes one stage. */
final class DigestCounter {
    private final MessageDigest digest;
    private long bytes;

    DigestCounter() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void update(byte[] buffer, int offset, int length) {
        digest.update(buffer, offset, length);
        bytes += length;
    }

    long bytes() {
        return bytes;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
