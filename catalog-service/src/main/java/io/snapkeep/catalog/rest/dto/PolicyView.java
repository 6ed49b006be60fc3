package io.snapkeep.catalog.rest.dto;

/** A policy tier: when snapshots are taken and how long they are kept. */
public record PolicyView(String name, String schedule, String retention) {
}
