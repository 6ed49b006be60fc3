package io.snapkeep.dumpworker;

/**
 * A dump failed for a reason the job's FAILED event can state as is: its message is meant for the user, and never
 * holds a password.
 */
public class DumpFailure extends RuntimeException {

    public DumpFailure(String message) {
        super(message);
    }

    public DumpFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
