package io.snapkeep.catalog.auth.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.config.CatalogConfig;
import io.vertx.mutiny.core.Vertx;

/**
 * bcrypt (WildFly Elytron, through Quarkus) for user passwords. A hash takes a quarter of a second on purpose, so it
 * runs on a worker thread and comes back on the caller's context.
 */
@ApplicationScoped
public class PasswordHasher {
    /** A hash no password matches, checked when the user is unknown so that timing tells nothing. */
    private static final String NO_USER = BcryptUtil.bcryptHash("no such user", 10);

    private final Vertx vertx;
    private final int cost;

    public PasswordHasher(Vertx vertx, CatalogConfig config) {
        this.vertx = vertx;
        this.cost = config.auth().bcryptCost();
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password, cost)));
    }

    /** @param hash the stored hash, or null for an unknown user (then false, after as long a check) */
    public Uni<Boolean> matches(String password, String hash) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.matches(password,
                hash == null ? NO_USER : hash) && hash != null));
    }
}
