package io.snapkeep.worker.job;

import java.io.IOException;
import java.util.regex.Pattern;

import io.snapkeep.worker.JobFailure;
import io.snapkeep.worker.JobKind;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The error text of a FAILED event: readable and bounded. The password is never in it: it reaches the tools only in
 * {@code PGPASSWORD}. Should a tool echo a connection string all the same, its secret token is masked as a whole
 * ({@code password=...} of a conninfo, the password of a {@code postgresql://user:password@host} URI); nothing else
 * of the text is touched.
 */
public final class ErrorText {
    public static final int MAX_LENGTH = 20_000;
    public static final String MASK = "********";
    private static final Pattern CONNINFO_PASSWORD = Pattern.compile(
            "(?i)\\b(password|pgpassword)(\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|[^\\s'\"]+)");
    private static final Pattern URI_PASSWORD = Pattern.compile("(?i)(\\bpostgres(?:ql)?://[^\\s:/@]*:)([^\\s@/]+)(@)");

    private ErrorText() {
    }

    public static String of(Exception e, JobKind kind) {
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
        return bounded(masked(text));
    }

    static String masked(String text) {
        if (text == null) {
            return null;
        }
        String conninfo = CONNINFO_PASSWORD.matcher(text).replaceAll("$1$2" + MASK);
        return URI_PASSWORD.matcher(conninfo).replaceAll("$1" + MASK + "$3");
    }

    private static String bounded(String text) {
        return text.length() <= MAX_LENGTH ? text : "..." + text.substring(text.length() - MAX_LENGTH);
    }
}
