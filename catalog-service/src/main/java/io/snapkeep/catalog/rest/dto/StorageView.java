package io.snapkeep.catalog.rest.dto;

/**
 * How a snapshot's archive is stored: {@code codec} ("zstd" or "none") and {@code encryption} ("aes-256-gcm", or
 * "none" for a snapshot stored as its archive, from before issue 12), the object format version, the archive key id
 * its data key is wrapped with (never the key), and the stored object's own size and SHA-256.
 */
public record StorageView(String codec, String encryption, Integer formatVersion, String keyId, Long storedBytes,
        String storedSha256) {
}
