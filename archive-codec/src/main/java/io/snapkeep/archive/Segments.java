package io.snapkeep.archive;

import java.util.Arrays;

import com.github.luben.zstd.Zstd;

/** One segment of archive bytes compressed on its own (a complete zstd frame), or stored as it is. */
final class Segments {
    private Segments() {
    }

    static byte[] compress(Codec codec, int level, byte[] segment, int length) {
        if (codec == Codec.NONE) {
            return Arrays.copyOf(segment, length);
        }
        byte[] out = new byte[(int) Zstd.compressBound(length)];
        long size = Zstd.compressByteArray(out, 0, out.length, segment, 0, length, level);
        if (Zstd.isError(size)) {
            throw new IllegalStateException("zstd could not compress a segment: " + Zstd.getErrorName(size));
        }
        return Arrays.copyOf(out, (int) size);
    }

    /** The largest a stored chunk's plain bytes can be for segments of {@code segmentSize}. */
    static int bound(Codec codec, int segmentSize) {
        return codec == Codec.NONE ? segmentSize : (int) Zstd.compressBound(segmentSize);
    }

    /** @return the segment's archive bytes; {@code into} is reused when large enough */
    static int expand(Codec codec, byte[] plain, byte[] into, long index) throws ArchiveTamperedException {
        if (codec == Codec.NONE) {
            if (plain.length > into.length) {
                throw new ArchiveTamperedException("chunk " + index + " holds more than a segment");
            }
            System.arraycopy(plain, 0, into, 0, plain.length);
            return plain.length;
        }
        long size = Zstd.decompressByteArray(into, 0, into.length, plain, 0, plain.length);
        if (Zstd.isError(size)) {
            throw new ArchiveTamperedException("chunk " + index + " does not decompress: " + Zstd.getErrorName(size));
        }
        return (int) size;
    }
}
