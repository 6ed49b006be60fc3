package io.snapkeep.scheduler.catalog;

import java.util.Optional;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.snapkeep.scheduler.config.SchedulerConfig;

/** Sends the scheduler's API token ({@code snapkeep.catalog.token}) with every call to the catalog. */
public class CatalogToken implements ClientRequestFilter {
    private final Optional<String> token;

    public CatalogToken(SchedulerConfig config) {
        this.token = config.catalog().token().map(String::strip);
    }

    @Override
    public void filter(ClientRequestContext request) {
        token.ifPresent(t -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + t));
    }
}
