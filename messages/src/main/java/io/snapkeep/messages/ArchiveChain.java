package io.snapkeep.messages;

/**
 * How a stored object was made from its archive: compressed with {@code codec} ("zstd" or "none") in segments, then
 * encrypted ({@code encryption} "aes-256-gcm") in chunks of object format {@code formatVersion}, under a data key
 * wrapped by archive key {@code keyId} ({@code wrappedKey}, base64: useless without that key). {@code storedBytes} and
 * {@code storedSha256} describe the object itself, beside the archive's own size and SHA-256. A snapshot without a
 * chain is stored as the archive itself.
 */
public record ArchiveChain(String codec, String encryption, int formatVersion, String keyId, String wrappedKey,
        int segmentSize, long storedBytes, String storedSha256) {
    public static final String AES_256_GCM = "aes-256-gcm";
}
