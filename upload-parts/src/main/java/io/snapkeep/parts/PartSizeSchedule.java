package io.snapkeep.parts;

/**
 * The size of each part of a multipart upload whose total size is not known in advance: {@code initial} for parts
 * 1-1000, twice that for 1001-2000, and so on up to {@code max}, so that small dumps use little memory and large ones
 * still fit in the store's 10,000 parts.
 */
public record PartSizeSchedule(long initial, long max) {
    public static final int MAX_PARTS = 10_000;
    public static final int PARTS_PER_STEP = 1_000;
    public static final long MIN_PART_SIZE = 5L << 20;
    public static final long MAX_PART_SIZE = 5L << 30;

    public PartSizeSchedule {
        if (initial < MIN_PART_SIZE) {
            throw new IllegalArgumentException(
                    "the part size must be at least 5 MiB (the store's minimum), got " + initial);
        }
        if (max < initial || max > MAX_PART_SIZE) {
            throw new IllegalArgumentException(
                    "the largest part size must lie between the first part size and 5 GiB, got " + max);
        }
    }

    /** @param partNumber 1-based, as in S3 */
    public long partSize(int partNumber) {
        if (partNumber < 1) {
            throw new IllegalArgumentException("part numbers start at 1");
        }
        int doublings = (partNumber - 1) / PARTS_PER_STEP;
        long size = initial;
        for (int i = 0; i < doublings && size < max; i++) {
            size *= 2;
        }
        return Math.min(size, max);
    }

    /** The largest object that fits in {@link #MAX_PARTS} parts. */
    public long capacity() {
        long sum = 0;
        for (int part = 1; part <= MAX_PARTS; part++) {
            sum += partSize(part);
        }
        return sum;
    }

    /** How many parts an object of {@code size} bytes takes, or -1 when it does not fit. */
    public int partsFor(long size) {
        long sum = 0;
        for (int part = 1; part <= MAX_PARTS; part++) {
            sum += partSize(part);
            if (sum >= size) {
                return part;
            }
        }
        return -1;
    }
}
