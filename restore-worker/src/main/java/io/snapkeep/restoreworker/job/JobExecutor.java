package io.snapkeep.restoreworker.job;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.snapkeep.restoreworker.Cancellation;
import io.snapkeep.restoreworker.config.RestoreWorkerConfig;

/**
 * Runs restores on {@code snapkeep.worker.max-concurrent-jobs} threads. A job handed over waits for a free thread,
 * and the hand-over completes only when the job starts: the Kafka consumer, which hands over one job at a time, takes
 * no further job while all slots are busy. On shutdown the running restores are stopped (their tool killed, their
 * side database dropped, no final event: the catalog's lease sends them to another worker).
 */
@ApplicationScoped
public class JobExecutor {
    private static final Logger LOG = Logger.getLogger(JobExecutor.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 20;

    private final ExecutorService slots;
    private final Set<Cancellation> running = new HashSet<>();
    private boolean stopping;

    @Inject
    JobExecutor(RestoreWorkerConfig config) {
        this(config.worker().maxConcurrentJobs());
    }

    JobExecutor(int maxConcurrentJobs) {
        AtomicInteger count = new AtomicInteger();
        this.slots = Executors.newFixedThreadPool(maxConcurrentJobs, task -> {
            Thread thread = new Thread(task, "restore-job-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return completes when {@code job} has started on a free slot; fails once the worker is stopping */
    CompletionStage<Void> handOver(Consumer<Cancellation> job) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Cancellation cancellation = new Cancellation();
        try {
            slots.execute(() -> {
                synchronized (running) {
                    if (stopping) {
                        started.completeExceptionally(new RejectedExecutionException("the worker is stopping"));
                        return;
                    }
                    running.add(cancellation);
                }
                started.complete(null);
                try {
                    job.accept(cancellation);
                } catch (RuntimeException e) {
                    LOG.error("a restore job ended abnormally; its lease will expire and the catalog will dispatch"
                            + " it again", e);
                } finally {
                    synchronized (running) {
                        running.remove(cancellation);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            started.completeExceptionally(e);
        }
        return started;
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (running) {
            stopping = true;
            running.forEach(Cancellation::cancel);
        }
        slots.shutdownNow();
        try {
            if (!slots.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("some restores did not stop in time; their side databases are dropped by the next attempt");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
