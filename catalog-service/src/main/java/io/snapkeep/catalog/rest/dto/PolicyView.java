package io.snapkeep.catalog.rest.dto;

/**
 * A policy tier, or the shape of a custom policy: when snapshots are taken ({@code cron} in {@code zone}; none for
 * on demand only), which are kept ({@code keep}, grandfather-father-son counts) and which origins retention prunes.
 */
public record PolicyView(String name, String schedule, String retention, String cron, String zone, KeepView keep,
        String prunes) {

    /** Keep counts: the newest {@code keepLast}, and the newest of each of the last N hours, days, weeks, months. */
    public record KeepView(int keepLast, int hourly, int daily, int weekly, int monthly) {
    }
}
