package io.snapkeep.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Sends a signal to a process with {@code kill}, from an argument list. */
final class Signals {
    private Signals() {
    }

    /** @param signal a name {@code kill} knows, e.g. {@code STOP}, {@code CONT} */
    static void send(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " exited with " + kill.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
