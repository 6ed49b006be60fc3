package io.snapkeep.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import io.snapkeep.catalog.auth.Role;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.mapping.Views;
import io.snapkeep.catalog.rest.dto.JobView;
import io.snapkeep.catalog.rest.dto.PageView;
import io.snapkeep.catalog.service.JobQueries;
import io.snapkeep.catalog.service.PageRequest;

@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class JobResource {
    private final JobQueries jobs;

    public JobResource(JobQueries jobs) {
        this.jobs = jobs;
    }

    @GET
    public Uni<PageView<JobView>> list(@QueryParam("instanceId") UUID instanceId,
            @QueryParam("snapshotId") UUID snapshotId, @QueryParam("status") String status,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        return jobs.page(instanceId, snapshotId, status, request).map(p -> Views.page(p, request, Views::of));
    }

    @GET
    @Path("{id}")
    public Uni<JobView> get(@PathParam("id") UUID id) {
        return jobs.get(id).map(Views::of);
    }
}
