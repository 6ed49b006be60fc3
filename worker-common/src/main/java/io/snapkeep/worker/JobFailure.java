package io.snapkeep.worker;

/**
 * A job failed for a reason its FAILED event can state as is: the message is meant for the user, says what to do
 * where there is something to do, and never holds a password. Each worker's own failures extend it.
 */
public class JobFailure extends RuntimeException {

    public JobFailure(String message) {
        super(message);
    }

    public JobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
