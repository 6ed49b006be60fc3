package io.snapkeep.restoreworker.restore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.snapkeep.restoreworker.RestoreFailure;
import io.snapkeep.restoreworker.pg.RestoreCommand;
import io.snapkeep.worker.job.Cancellation;
import io.snapkeep.worker.pg.PgProcess;

/**
 * Runs a restore tool to its end, feeding it its input when there is one. When the tool stops reading early (it
 * failed, or needs no more), the rest of the input is still read when {@code readToEnd} is set, so that the checksum
 * covers the whole archive and a corrupt archive is named as such rather than by the tool's complaint about it.
 */
final class ToolRun {
    private static final int BUFFER = 64 * 1024;

    private ToolRun() {
    }

    /** The tool's exit code, and its stderr's end when it failed. */
    record Result(int exitCode, String failure) {

        boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Runs a tool that reads a file named in its arguments: its stdin is closed at once. */
    static Result run(RestoreCommand command, Consumer<Map<String, String>> environment, Cancellation cancellation)
            throws InterruptedException {
        try (PgProcess tool = PgProcess.start(command.arguments(), environment, PgProcess.Pipe.STDIN)) {
            cancellation.onCancel(tool::close);
            closeQuietly(tool.stdin());
            return finish(tool, cancellation);
        }
    }

    /**
     * Runs a tool that reads {@code input} from its stdin, written through {@code filter} (identity for archives the
     * tool reads as they are).
     */
    static Result feed(RestoreCommand command, Consumer<Map<String, String>> environment, InputStream input,
            UnaryOperator<OutputStream> filter, boolean readToEnd, Cancellation cancellation)
            throws IOException, InterruptedException {
        try (PgProcess tool = PgProcess.start(command.arguments(), environment, PgProcess.Pipe.STDIN)) {
            cancellation.onCancel(tool::close);
            OutputStream stdin = filter.apply(tool.stdin());
            boolean open = true;
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = input.read(buffer)) >= 0) {
                stopIfCancelled(cancellation);
                if (open) {
                    open = write(stdin, buffer, n);
                } else if (!readToEnd) {
                    break;
                }
            }
            if (open) {
                closeQuietly(stdin);
            }
            return finish(tool, cancellation);
        }
    }

    /** @return false when the tool no longer reads (its end of the pipe is closed) */
    private static boolean write(OutputStream stdin, byte[] buffer, int n) {
        try {
            stdin.write(buffer, 0, n);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Result finish(PgProcess tool, Cancellation cancellation) throws InterruptedException {
        int exit = tool.waitFor();
        stopIfCancelled(cancellation);
        return new Result(exit, exit == 0 ? "" : tool.failureText());
    }

    private static void stopIfCancelled(Cancellation cancellation) {
        if (cancellation.cancelled()) {
            throw new RestoreFailure("the restore was stopped with the worker");
        }
    }

    private static void closeQuietly(OutputStream stdin) {
        try {
            stdin.close();
        } catch (IOException e) {
            // the tool ended before reading all of its input: its exit code tells whether that was a failure
        }
    }
}
