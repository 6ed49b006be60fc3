package io.snapkeep.archive;

/**
 * How the writer seals an archive: the codec and its level, how many threads compress segments side by side, and the
 * segment size (archive bytes per chunk: each segment is compressed on its own, so any chunk can be read alone).
 */
public record StageSettings(Codec codec, int level, int threads, int segmentSize) {
    static final int MIN_SEGMENT = 1024;
    static final int MAX_SEGMENT = 64 << 20;

    public StageSettings {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("compression threads must be 1 to 64, not " + threads);
        }
        if (segmentSize < MIN_SEGMENT || segmentSize > MAX_SEGMENT) {
            throw new IllegalArgumentException("the segment size must be 1 KiB to 64 MiB, not " + segmentSize);
        }
        if (codec == Codec.ZSTD && (level < 1 || level > 19)) {
            throw new IllegalArgumentException("the zstd level must be 1 to 19, not " + level);
        }
    }
}
