package io.snapkeep.catalog.service;

import java.util.function.Supplier;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** For blocking endpoints (uploads, exports): runs reactive catalog work on a Vert.x context and waits for it. */
public final class Awaits {
    private Awaits() {
    }

    /** Never call from an event-loop thread. */
    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
