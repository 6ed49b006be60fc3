package io.snapkeep.worker.job;

/**
 * Lets the worker's shutdown stop a running job: the job registers what ends its current blocking work (killing
 * {@code pg_dump}, {@code pg_restore} or {@code psql}), and checks {@link #cancelled()} to tell a stop from a failure.
 */
public final class Cancellation {
    private Runnable action = () -> {
    };
    private boolean cancelled;

    public synchronized void onCancel(Runnable action) {
        this.action = action;
        if (cancelled) {
            action.run();
        }
    }

    public synchronized void cancel() {
        cancelled = true;
        action.run();
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }
}
