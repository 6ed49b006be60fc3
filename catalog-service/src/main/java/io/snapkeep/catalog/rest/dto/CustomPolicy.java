package io.snapkeep.catalog.rest.dto;

/**
 * A custom policy in requests and answers: a crontab schedule of five fields (minute hour day-of-month month
 * day-of-week) and grandfather-father-son keep counts (missing counts are 0).
 */
public record CustomPolicy(String cron, Integer keepLast, Integer hourly, Integer daily, Integer weekly,
        Integer monthly) {
}
