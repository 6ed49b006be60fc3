package io.snapkeep.restoreworker.job;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Prometheus metrics of the restores: outcomes, duration, archive bytes restored and restores running now. */
@ApplicationScoped
public class RestoreMetrics {
    private final Counter succeeded;
    private final Counter failed;
    private final Timer succeededTime;
    private final Timer failedTime;
    private final Counter bytes;
    private final AtomicInteger running;

    RestoreMetrics(MeterRegistry registry) {
        this.succeeded = Counter.builder("snapkeep.restore.jobs").tag("outcome", "succeeded")
                .description("Restore jobs finished, by outcome").register(registry);
        this.failed = Counter.builder("snapkeep.restore.jobs").tag("outcome", "failed")
                .description("Restore jobs finished, by outcome").register(registry);
        this.succeededTime = Timer.builder("snapkeep.restore.duration").tag("outcome", "succeeded")
                .description("Time from claim to final event").register(registry);
        this.failedTime = Timer.builder("snapkeep.restore.duration").tag("outcome", "failed")
                .description("Time from claim to final event").register(registry);
        this.bytes = Counter.builder("snapkeep.restore.bytes").baseUnit("bytes")
                .description("Archive bytes read from the store and fed to the restore tools").register(registry);
        this.running = registry.gauge("snapkeep.restore.running", new AtomicInteger());
    }

    void started() {
        running.incrementAndGet();
    }

    void bytes(long count) {
        bytes.increment(count);
    }

    void succeeded(Duration took) {
        running.decrementAndGet();
        succeeded.increment();
        succeededTime.record(took);
    }

    void failed(Duration took) {
        running.decrementAndGet();
        failed.increment();
        failedTime.record(took);
    }

    void stopped() {
        running.decrementAndGet();
    }
}
