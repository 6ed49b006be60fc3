package io.snapkeep.e2e;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Pauses (SIGSTOP) and resumes (SIGCONT) a process of the stack, as a stalled disk or a frozen VM would. */
final class Signals {
    private Signals() {
    }

    static void stop(long pid) {
        send("-STOP", pid);
    }

    static void resume(long pid) {
        send("-CONT", pid);
    }

    private static void send(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder(List.of("kill", signal, Long.toString(pid))).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending " + signal + " to " + pid, e);
        }
    }
}
