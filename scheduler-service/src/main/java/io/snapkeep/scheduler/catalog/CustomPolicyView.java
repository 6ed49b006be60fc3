package io.snapkeep.scheduler.catalog;

/** A custom policy as the catalog shows it: a crontab schedule and keep counts. */
public record CustomPolicyView(String cron, int keepLast, int hourly, int daily, int weekly, int monthly) {
}
