package io.snapkeep.archive;

/**
 * What a sealed write produced: the archive as it left pg_dump (its size and SHA-256: what an export gives back) and
 * the object as stored (its own size and SHA-256), with the chain that turns one into the other.
 */
public record SealedSummary(long archiveBytes, String archiveSha256, long objectBytes, String objectSha256,
        Codec codec, int formatVersion, WrappedKey key, int segmentSize) {
}
