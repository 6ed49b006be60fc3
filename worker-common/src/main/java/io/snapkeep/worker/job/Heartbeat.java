package io.snapkeep.worker.job;

import java.util.concurrent.ScheduledFuture;
import java.util.function.LongSupplier;

import io.snapkeep.messages.JobEvent;

/**
 * The PROGRESS events of one running job. {@link #stop()} guarantees no PROGRESS event is sent after it returns, so
 * that the job's final event is its last.
 */
final class Heartbeat {
    private final JobEventPublisher publisher;
    private final JobEvent claimed;
    private final LongSupplier bytes;
    private ScheduledFuture<?> schedule;
    private boolean stopped;

    Heartbeat(JobEventPublisher publisher, JobEvent claimed, LongSupplier bytes) {
        this.publisher = publisher;
        this.claimed = claimed;
        this.bytes = bytes;
    }

    synchronized void scheduledBy(ScheduledFuture<?> schedule) {
        this.schedule = schedule;
    }

    synchronized void beat() {
        if (!stopped) {
            publisher.publish(JobEvent.progress(claimed, bytes.getAsLong()));
        }
    }

    synchronized void stop() {
        stopped = true;
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
