package io.snapkeep.scheduler.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;
import io.snapkeep.policy.SchedulerSettings;

/** What the scheduler reads time from: the clock (the system's, unless a test puts another in its place) and zone. */
@ApplicationScoped
public class TimeProducers {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    SchedulerSettings schedulerSettings(SchedulerConfig config) {
        return new SchedulerSettings(config.scheduler().zone(), config.scheduler().spread());
    }
}
