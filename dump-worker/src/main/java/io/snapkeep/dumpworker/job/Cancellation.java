package io.snapkeep.dumpworker.job;

/**
 * Lets the worker's shutdown stop a running dump: the job registers what ends its blocking work (killing
 * {@code pg_dump}), and checks {@link #cancelled()} to tell a stop from a failure.
 */
final class Cancellation {
    private Runnable action = () -> {
    };
    private boolean cancelled;

    synchronized void onCancel(Runnable action) {
        this.action = action;
        if (cancelled) {
            action.run();
        }
    }

    synchronized void cancel() {
        cancelled = true;
        action.run();
    }

    synchronized boolean cancelled() {
        return cancelled;
    }
}
