package io.snapkeep.catalog.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.auth.Role;
import io.snapkeep.catalog.mapping.Views;
import io.snapkeep.catalog.rest.dto.PageView;
import io.snapkeep.catalog.service.CatalogException;
import io.snapkeep.catalog.service.PageRequest;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class AuditResource {
    private final AuditQueries queries;

    public AuditResource(AuditQueries queries) {
        this.queries = queries;
    }

    /** The audit trail, newest first; {@code since} is an ISO-8601 instant. */
    @GET
    public Uni<PageView<AuditView>> list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("instanceId") UUID instanceId, @QueryParam("since") String since,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        return queries.page(actor, action, instanceId, instant(since), request)
                .map(p -> Views.page(p, request, v -> v));
    }

    private static Instant instant(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw CatalogException.invalid("since", "since must be an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z.");
        }
    }
}
