package io.snapkeep.worker.job;

/**
 * Lets a running job be stopped: by the worker's shutdown ({@link #cancel()}) or by a CANCEL command
 * ({@link #cancelBy}). The job registers what ends its current blocking work (killing {@code pg_dump},
 * {@code pg_restore} or {@code psql}), checks {@link #cancelled()} to tell a stop from a failure and
 * {@link #cancelledBy()} to tell a command from a shutdown. Before a step that must not be interrupted (a restore's
 * swap) the job {@link #passPointOfNoReturn() passes its point of no return}: from then on it cannot be stopped.
 */
public final class Cancellation {
    private Runnable action = () -> {
    };
    private boolean cancelled;
    private String cancelledBy;
    private boolean pastReturn;

    public synchronized void onCancel(Runnable action) {
        this.action = action;
        if (cancelled) {
            action.run();
        }
    }

    /** Stops the job as the worker shuts down: it reports nothing more, the catalog's lease hands it on. */
    public synchronized void cancel() {
        stop(null);
    }

    /**
     * Stops the job on a CANCEL command of {@code actor}: it reports CANCELLED.
     *
     * @return false when the job is past its point of no return and goes on
     */
    public synchronized boolean cancelBy(String actor) {
        return stop(actor);
    }

    /** @return false when the job was stopped already, and must not take the step */
    public synchronized boolean passPointOfNoReturn() {
        if (cancelled) {
            return false;
        }
        pastReturn = true;
        return true;
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }

    /** Who cancelled the job by a command; null when it was not cancelled, or stopped with the worker. */
    public synchronized String cancelledBy() {
        return cancelledBy;
    }

    private boolean stop(String actor) {
        if (pastReturn) {
            return false;
        }
        if (!cancelled) {
            cancelled = true;
            cancelledBy = actor;
        }
        action.run();
        return true;
    }
}
