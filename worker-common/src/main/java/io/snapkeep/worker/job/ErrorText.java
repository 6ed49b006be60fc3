package io.snapkeep.worker.job;

import java.io.IOException;

import io.snapkeep.worker.JobFailure;
import io.snapkeep.worker.JobKind;
import software.amazon.awssdk.core.exception.SdkException;

/** The error text of a FAILED event: readable, bounded, and with the password blotted out should a tool echo it. */
public final class ErrorText {
    public static final int MAX_LENGTH = 20_000;
    public static final String MASK = "********";

    private ErrorText() {
    }

    public static String of(Exception e, String password, JobKind kind) {
        String text;
        if (e instanceof JobFailure) {
            text = e.getMessage();
        } else if (e instanceof SdkException) {
            text = "the object store failed: " + e.getMessage();
        } else if (e instanceof IOException) {
            text = kind.streamFailure() + ": " + e.getMessage();
        } else if (e instanceof InterruptedException) {
            text = "the " + kind.name() + " was interrupted";
        } else {
            text = "internal error in the " + kind.name() + " worker: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage();
        }
        return bounded(redact(text, password));
    }

    static String redact(String text, String password) {
        if (text == null || password == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, MASK);
    }

    private static String bounded(String text) {
        return text.length() <= MAX_LENGTH ? text : "..." + text.substring(text.length() - MAX_LENGTH);
    }
}
