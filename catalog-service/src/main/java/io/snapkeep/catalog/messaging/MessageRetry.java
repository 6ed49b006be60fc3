package io.snapkeep.catalog.messaging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.catalog.service.CatalogException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Applies a consumed message until it went through: every failure is retried with exponential back-off (from
 * {@code snapkeep.messages.retry-first-delay} doubling up to {@code snapkeep.messages.retry-max-delay}, without end),
 * so a database that is briefly unreachable, a closed connection, a timeout or a serialization conflict holds the
 * partition back rather than losing the message. Only a message that can never be applied is given up at once: one
 * that cannot be read ({@link IllegalArgumentException}) or that the catalog refuses for what it says (a
 * {@link CatalogException} with a 4xx status). Each retry runs on the caller's Vert.x context, where Hibernate Reactive
 * opens a new session for it.
 */
@ApplicationScoped
public class MessageRetry {
    private static final Logger LOG = Logger.getLogger(MessageRetry.class);

    private final Vertx vertx;
    private final CatalogConfig config;

    public MessageRetry(Vertx vertx, CatalogConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    /** What a retry tells its caller: that the message waits, and that it went through or was given up after all. */
    interface Observer {
        /** Tells nothing. */
        Observer NONE = new Observer() {
            @Override
            public void retrying() {
            }

            @Override
            public void settled() {
            }
        };

        /** The message failed and waits for its next try. */
        void retrying();

        /** A message that waited went through, or was given up for good. */
        void settled();
    }

    /**
     * @param what names the message in logs (never its content)
     * @return the work's item; fails only with a failure that can never go away
     */
    <T> Uni<T> untilApplied(String what, Supplier<Uni<? extends T>> work, Observer observer) {
        Context context = Vertx.currentContext();
        AtomicBoolean waited = new AtomicBoolean();
        Runnable retrying = () -> {
            if (waited.compareAndSet(false, true)) {
                observer.retrying();
            }
        };
        return attempt(what, work, context, 1, config.messages().retryFirstDelay(), retrying)
                .onTermination().invoke(() -> {
                    if (waited.get()) {
                        observer.settled();
                    }
                });
    }

    static boolean canNeverApply(Throwable failure) {
        return failure instanceof IllegalArgumentException
                || failure instanceof CatalogException refused && refused.status() < 500;
    }

    private <T> Uni<T> attempt(String what, Supplier<Uni<? extends T>> work, Context context, int attempt,
            Duration delay, Runnable retrying) {
        return Uni.createFrom().deferred(work).onFailure(failure -> !canNeverApply(failure)).recoverWithUni(failure -> {
            retrying.run();
            LOG.warnf("%s not applied (try %d): %s; trying again in %d ms", what, attempt, failure.toString(),
                    delay.toMillis());
            Duration doubled = delay.multipliedBy(2);
            Duration max = config.messages().retryMaxDelay();
            Duration following = doubled.compareTo(max) > 0 ? max : doubled;
            return after(delay, context).chain(() -> attempt(what, work, context, attempt + 1, following, retrying));
        });
    }

    private Uni<Void> after(Duration delay, Context context) {
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(Math.max(1, delay.toMillis()), id -> {
            if (context == null) {
                emitter.complete(null);
            } else {
                context.runOnContext(ignored -> emitter.complete(null));
            }
        }));
    }
}
