package io.snapkeep.worker.job;

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
import io.snapkeep.messages.JobControl;
import io.snapkeep.messages.JobMessage;
import io.snapkeep.worker.JobKind;
import io.snapkeep.worker.config.WorkerConfig;

/**
 * Runs jobs on {@code snapkeep.worker.max-concurrent-jobs} threads. A job handed over waits for a free thread, and the
 * hand-over completes only when the job starts: the Kafka consumer, which hands over one job at a time, takes no
 * further job while all slots are busy. On shutdown the running jobs are stopped (their tool killed, what they made so
 * far undone, no final event: the catalog's lease sends them to another worker). A CANCEL command stops the running
 * job it names alike, but that job reports CANCELLED.
 */
@ApplicationScoped
public class JobExecutor {
    private static final Logger LOG = Logger.getLogger(JobExecutor.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 20;

    private final JobKind kind;
    private final ExecutorService slots;
    private final RunningJobs running = new RunningJobs();

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
    CompletionStage<Void> handOver(JobMessage message, Consumer<Cancellation> job) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            slots.execute(() -> {
                Cancellation cancellation = running.start(message);
                if (cancellation == null) {
                    started.completeExceptionally(new RejectedExecutionException("the worker is stopping"));
                    return;
                }
                started.complete(null);
                try {
                    job.accept(cancellation);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "a %s job ended abnormally; its lease will expire and the catalog will dispatch it"
                            + " again", kind.name());
                } finally {
                    running.end(message);
                }
            });
        } catch (RejectedExecutionException e) {
            started.completeExceptionally(e);
        }
        return started;
    }

    /** Cancels the job {@code control} names, if it runs here: its tool is killed and it reports CANCELLED. */
    RunningJobs.CancelOutcome cancel(JobControl control) {
        return running.cancel(control);
    }

    /** Stops the running jobs and takes no further one; waits a while for them to end. */
    public void stop(@Observes ShutdownEvent event) {
        running.stopAll();
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
