package io.snapkeep.dumpworker;

import io.snapkeep.worker.JobFailure;

/**
 * A dump failed for a reason the job's FAILED event can state as is: its message is meant for the user, and never
 * holds a password.
 */
public class DumpFailure extends JobFailure {

    public DumpFailure(String message) {
        super(message);
    }

    public DumpFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
