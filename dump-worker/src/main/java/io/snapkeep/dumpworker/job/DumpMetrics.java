package io.snapkeep.dumpworker.job;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Prometheus metrics of the dumps: outcomes, duration, bytes written and dumps running now. */
@ApplicationScoped
public class DumpMetrics {
    private final Counter succeeded;
    private final Counter failed;
    private final Timer succeededTime;
    private final Timer failedTime;
    private final Counter bytes;
    private final AtomicInteger running;

    DumpMetrics(MeterRegistry registry) {
        this.succeeded = Counter.builder("snapkeep.dump.jobs").tag("outcome", "succeeded")
                .description("Dump jobs finished, by outcome").register(registry);
        this.failed = Counter.builder("snapkeep.dump.jobs").tag("outcome", "failed")
                .description("Dump jobs finished, by outcome").register(registry);
        this.succeededTime = Timer.builder("snapkeep.dump.duration").tag("outcome", "succeeded")
                .description("Time from claim to final event").register(registry);
        this.failedTime = Timer.builder("snapkeep.dump.duration").tag("outcome", "failed")
                .description("Time from claim to final event").register(registry);
        this.bytes = Counter.builder("snapkeep.dump.bytes").baseUnit("bytes")
                .description("Archive bytes read from pg_dump and sent to the store").register(registry);
        this.running = registry.gauge("snapkeep.dump.running", new AtomicInteger());
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
