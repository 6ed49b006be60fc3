package io.snapkeep.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import io.snapkeep.catalog.auth.Role;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.rest.dto.RetentionView;
import io.snapkeep.catalog.service.RetentionPreviews;

@Path("/api/v1/instances/{id}/retention")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class RetentionResource {
    private final RetentionPreviews previews;

    public RetentionResource(RetentionPreviews previews) {
        this.previews = previews;
    }

    /** What the next pruning would delete and keep, and why; it changes nothing. */
    @GET
    public Uni<RetentionView> preview(@PathParam("id") UUID id) {
        return previews.preview(id).map(RetentionResource::view);
    }

    private static RetentionView view(RetentionPreviews.Preview preview) {
        List<RetentionView.Entry> entries = preview.entries().stream().map(e -> new RetentionView.Entry(
                e.snapshot().id, e.snapshot().name, e.snapshot().origin.name(), e.snapshot().status.name(),
                e.snapshot().completedAt, e.decision().keep() ? "KEEP" : "DELETE", e.decision().reasons(),
                e.expiresAt())).toList();
        return new RetentionView(preview.instanceId(), preview.policy().describe(), preview.evaluatedAt(),
                (int) entries.stream().filter(e -> e.action().equals("DELETE")).count(), entries);
    }
}
