package io.snapkeep.catalog.service;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs work on a new duplicated Vert.x context of its own, marked safe, on an event loop: where Hibernate Reactive
 * can open a session, whatever thread (a worker's, a scheduler's) the caller is on.
 */
public final class FreshContext {
    private FreshContext() {
    }

    public static void run(Vertx vertx, Runnable work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.run());
    }
}
