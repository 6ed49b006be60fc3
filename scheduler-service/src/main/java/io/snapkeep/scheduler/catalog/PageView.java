package io.snapkeep.scheduler.catalog;

import java.util.List;

/** One page of a catalog list; {@code page} counts from 0. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
