package io.snapkeep.worker.job;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.snapkeep.worker.JobKind;

/**
 * Prometheus metrics of the jobs, named by the worker's kind ({@code snapkeep.dump.*}, {@code snapkeep.restore.*}):
 * outcomes, duration, archive bytes moved and jobs running now.
 */
@ApplicationScoped
public class JobMetrics {
    private final Counter succeeded;
    private final Counter failed;
    private final Timer succeededTime;
    private final Timer failedTime;
    private final Counter bytes;
    private final AtomicInteger running;

    JobMetrics(MeterRegistry registry, JobKind kind) {
        String prefix = "snapkeep." + kind.name();
        String jobs = kind.title() + " jobs finished, by outcome";
        this.succeeded = Counter.builder(prefix + ".jobs").tag("outcome", "succeeded").description(jobs)
                .register(registry);
        this.failed = Counter.builder(prefix + ".jobs").tag("outcome", "failed").description(jobs)
                .register(registry);
        this.succeededTime = Timer.builder(prefix + ".duration").tag("outcome", "succeeded")
                .description("Time from claim to final event").register(registry);
        this.failedTime = Timer.builder(prefix + ".duration").tag("outcome", "failed")
                .description("Time from claim to final event").register(registry);
        this.bytes = Counter.builder(prefix + ".bytes").baseUnit("bytes").description(kind.bytesMeaning())
                .register(registry);
        this.running = registry.gauge(prefix + ".running", new AtomicInteger());
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
