package io.snapkeep.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An instance's custom policy (its policy is {@code custom}): a crontab schedule and keep counts. */
@Embeddable
public class CustomPolicyColumns {
    @Column(name = "custom_cron")
    public String cron;
    @Column(name = "keep_last")
    public Integer keepLast;
    @Column(name = "keep_hourly")
    public Integer hourly;
    @Column(name = "keep_daily")
    public Integer daily;
    @Column(name = "keep_weekly")
    public Integer weekly;
    @Column(name = "keep_monthly")
    public Integer monthly;
}
