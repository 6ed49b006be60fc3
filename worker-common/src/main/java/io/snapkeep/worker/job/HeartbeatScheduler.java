package io.snapkeep.worker.job;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.messages.JobEvent;
import io.snapkeep.worker.JobKind;
import io.snapkeep.worker.config.WorkerConfig;

/** Starts the heartbeats of running jobs: a PROGRESS event every {@code snapkeep.worker.heartbeat-interval}. */
@ApplicationScoped
public class HeartbeatScheduler {
    private final JobEventPublisher publisher;
    private final Duration interval;
    private final ScheduledExecutorService timer;

    HeartbeatScheduler(JobEventPublisher publisher, WorkerConfig config, JobKind kind) {
        this.publisher = publisher;
        this.interval = config.heartbeatInterval();
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, kind.name() + "-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    Heartbeat start(Supplier<JobEvent> progress) {
        Heartbeat heartbeat = new Heartbeat(publisher, progress);
        long millis = interval.toMillis();
        heartbeat.scheduledBy(timer.scheduleAtFixedRate(heartbeat::beat, millis, millis, TimeUnit.MILLISECONDS));
        return heartbeat;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
