package io.snapkeep.catalog.service;

import java.time.Duration;

/** A duration as the configuration writes it: {@code 10m}, {@code 2h}, {@code 45s}, {@code 500ms}. */
final class DurationText {
    private DurationText() {
    }

    static String of(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
