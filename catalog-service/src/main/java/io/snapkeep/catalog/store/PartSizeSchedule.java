package io.snapkeep.catalog.store;

/**
 * The size of each part of a multipart upload whose total size is not known in advance: {@code initial} for parts
 * 1-1000, twice that for 1001-2000, and so on up to {@code max}, so that small archives use little memory and large ones
 * still fit in the store's 10,000 parts. (The same schedule as the dump-worker's; both belong in a shared module.)
 */
public record PartSizeSchedule(long initial, long max) {
    public static final int MAX_PARTS = 10_000;
    static final int PARTS_PER_STEP = 1_000;
    static final long MIN_PART_SIZE = 5L << 20;
    static final long MAX_PART_SIZE = 5L << 30;

    public PartSizeSchedule {
        if (initial < MIN_PART_SIZE) {
            throw new IllegalArgumentException("the part size must be at least 5 MiB (the store's minimum), got "
                    + initial);
        }
        if (max < initial || max > MAX_PART_SIZE) {
            throw new IllegalArgumentException(
                    "the largest part size must lie between the first part size and 5 GiB, got " + max);
        }
    }

    /** @param partNumber 1-based, as in S3 */
    public long partSize(int partNumber) {
        int doublings = (Math.max(partNumber, 1) - 1) / PARTS_PER_STEP;
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
}
