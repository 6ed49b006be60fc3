package io.snapkeep.restoreworker.job;

import java.io.IOException;

import io.snapkeep.restoreworker.RestoreFailure;
import software.amazon.awssdk.core.exception.SdkException;

/** The error text of a FAILED event: readable, bounded, and with the password blotted out should a tool echo it. */
final class ErrorText {
    static final int MAX_LENGTH = 20_000;
    static final String MASK = "********";

    private ErrorText() {
    }

    static String of(Exception e, String password) {
        String text;
        if (e instanceof RestoreFailure) {
            text = e.getMessage();
        } else if (e instanceof SdkException) {
            text = "the object store failed: " + e.getMessage();
        } else if (e instanceof IOException) {
            text = "reading the archive or feeding it to the restore tool failed: " + e.getMessage();
        } else if (e instanceof InterruptedException) {
            text = "the restore was interrupted";
        } else {
            text = "internal error in the restore worker: " + e.getClass().getSimpleName() + ": " + e.getMessage();
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
