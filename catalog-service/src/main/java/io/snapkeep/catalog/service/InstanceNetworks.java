package io.snapkeep.catalog.service;

import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.guard.AllowedNetworks;
import io.vertx.mutiny.core.Vertx;

/**
 * Refuses instances whose host resolves outside {@code snapkeep.instances.allowed-networks}. Read at startup, so a
 * malformed setting stops the catalog; a host is resolved on a worker thread, and only when the setting restricts.
 */
@Startup
@Singleton
public class InstanceNetworks {
    private final AllowedNetworks allowed;
    private final Vertx vertx;

    public InstanceNetworks(CatalogConfig config, Vertx vertx) {
        this.allowed = AllowedNetworks.parse(config.instances().allowedNetworks());
        this.vertx = vertx;
    }

    /** Fails with a 400 naming {@code connection.host} when {@code host} may not be connected to. */
    public Uni<Void> requireAllowed(String host) {
        if (allowed.permitsAll()) {
            return Uni.createFrom().voidItem();
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> allowed.refusal(host)))
                .invoke(refusal -> refusal.ifPresent(r -> {
                    throw CatalogException.invalid("connection.host", "Snapkeep may not connect there: " + r + ".");
                })).replaceWithVoid();
    }
}
