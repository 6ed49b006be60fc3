package io.snapkeep.catalog.rest.dto;

import java.util.List;

/** One page of a list, newest first; {@code page} counts from 0. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
