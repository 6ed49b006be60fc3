package io.snapkeep.catalog.service;

import java.util.List;

/** One page of results and how many match in all. */
public record Paged<T>(List<T> items, long total) {
}
