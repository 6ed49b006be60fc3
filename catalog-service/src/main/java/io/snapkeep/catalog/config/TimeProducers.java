package io.snapkeep.catalog.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;
import io.snapkeep.policy.SchedulerSettings;

/** What retention reads time from: the clock (the system's, unless a test puts another in its place) and zone. */
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
    SchedulerSettings schedulerSettings(CatalogConfig config) {
        return new SchedulerSettings(config.scheduler().zone(), config.scheduler().spread());
    }
}
