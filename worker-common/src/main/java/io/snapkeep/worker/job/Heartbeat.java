package io.snapkeep.worker.job;

import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

import io.snapkeep.messages.JobEvent;

/**
 * The PROGRESS events of one running job. {@link #stop()} guarantees no PROGRESS event is sent after it returns, so
 * that the job's final event is its last.
 */
final class Heartbeat {
    private final JobEventPublisher publisher;
    private final Supplier<JobEvent> progress;
    private ScheduledFuture<?> schedule;
    private boolean stopped;

    /** @param progress makes the PROGRESS event of the job as it stands */
    Heartbeat(JobEventPublisher publisher, Supplier<JobEvent> progress) {
        this.publisher = publisher;
        this.progress = progress;
    }

    synchronized void scheduledBy(ScheduledFuture<?> schedule) {
        this.schedule = schedule;
    }

    synchronized void beat() {
        if (!stopped) {
            publisher.publish(progress.get());
        }
    }

    synchronized void stop() {
        stopped = true;
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
