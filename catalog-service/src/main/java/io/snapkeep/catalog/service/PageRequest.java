package io.snapkeep.catalog.service;

/** A checked page request: {@code page} counts from 0, {@code size} is 1 to {@value #MAX_SIZE}. */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 500;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            throw CatalogException.invalid("page", "page must be 0 or more.");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw CatalogException.invalid("size", "size must be between 1 and " + MAX_SIZE + ".");
        }
        return new PageRequest(p, s);
    }
}
