package io.snapkeep.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;

/** Waits for lines in a service's log file (appended to across restarts). */
final class LogLines {
    private LogLines() {
    }

    /** Waits until {@code count} lines of {@code log} contain {@code text}. */
    static void await(Path log, String text, int count, Duration atMost) {
        Awaitility.await("line '" + text + "' " + count + " times in " + log).atMost(atMost)
                .pollInterval(Duration.ofMillis(200)).until(() -> count(log, text) >= count);
    }

    static long count(Path log, String text) {
        try {
            if (!Files.exists(log)) {
                return 0;
            }
            try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
                return lines.filter(line -> line.contains(text)).count();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
