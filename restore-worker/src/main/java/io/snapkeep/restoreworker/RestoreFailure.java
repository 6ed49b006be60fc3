package io.snapkeep.restoreworker;

import io.snapkeep.worker.JobFailure;

/**
 * A restore failed for a reason the job's FAILED event can state as is: its message is meant for the user, says what
 * to do where there is something to do, and never holds a password.
 */
public class RestoreFailure extends JobFailure {

    public RestoreFailure(String message) {
        super(message);
    }

    public RestoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
