package io.snapkeep.worker.job;

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
import io.snapkeep.worker.JobKind;
import io.snapkeep.worker.config.WorkerConfig;

/**
 * Runs jobs on {@code snapkeep.worker.max-concurrent-jobs} threads. A job handed over waits for a free thread, and the
 * hand-over completes only when the job starts: the Kafka consumer, which hands over one job at a time, takes no
 * further job while all slots are busy. On shutdown the running jobs are stopped (their tool killed, what they made so
 * far undone, no final event: the catalog's lease sends them to another worker).
 */
@ApplicationScoped
public class JobExecutor {
    private static final Logger LOG = Logger.getLogger(JobExecutor.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 20;

    private final JobKind kind;
    private final ExecutorService slots;
    private final Set<Cancellation> running = new HashSet<>();
    private boolean stopping;

    @Inject
    JobExecutor(WorkerConfig config, JobKind kind) {
        this(config.maxConcurrentJobs(), kind);
    }

    JobExecutor(int maxConcurrentJobs, JobKind kind) {
        this.kind = kind;
        AtomicInteger count = new AtomicInteger();
        this.slots = Executors.newFixedThreadPool(maxConcurrentJobs, task -> {
            Thread thread = new Thread(task, kind.name() + "-job-" + count.incrementAndGet());
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
                    LOG.errorf(e, "a %s job ended abnormally; its lease will expire and the catalog will dispatch it"
                            + " again", kind.name());
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

    /** Stops the running jobs and takes no further one; waits a while for them to end. */
    public void stop(@Observes ShutdownEvent event) {
        synchronized (running) {
            stopping = true;
            running.forEach(Cancellation::cancel);
        }
        slots.shutdownNow();
        try {
            if (!slots.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warnf("some %s jobs did not stop in time; %s", kind.name(), kind.afterLateStop());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
