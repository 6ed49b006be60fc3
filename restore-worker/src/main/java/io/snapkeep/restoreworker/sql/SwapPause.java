package io.snapkeep.restoreworker.sql;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.snapkeep.restoreworker.config.SwapPausePoint;

/**
 * The fault tests' pause in the swap ({@code snapkeep.restore.test-pause-at}): at the configured point it logs a line
 * the test waits for and sleeps, so that the test kills the worker (or pauses Kafka) exactly there; an interrupt ends the pause and the swap
 * goes on. Configured to
 * {@link SwapPausePoint#NONE}, as outside the tests, it does nothing.
 */
public final class SwapPause {
    public static final SwapPause NONE = new SwapPause(SwapPausePoint.NONE, Duration.ZERO);
    private static final Logger LOG = Logger.getLogger(SwapPause.class);

    private final SwapPausePoint at;
    private final Duration duration;

    public SwapPause(SwapPausePoint at, Duration duration) {
        this.at = at;
        this.duration = duration;
    }

    void at(SwapPausePoint point, String database) {
        if (point != at || at == SwapPausePoint.NONE) {
            return;
        }
        LOG.warnf("test pause at %s of the swap of %s, for %s", point.name().toLowerCase().replace('_', '-'),
                database, duration);
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
