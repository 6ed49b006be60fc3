package io.snapkeep.catalog.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.audit.Audited;
import io.snapkeep.catalog.auth.Caller;
import io.snapkeep.catalog.auth.Role;
import io.snapkeep.catalog.mapping.Views;
import io.snapkeep.catalog.rest.dto.JobView;
import io.snapkeep.catalog.rest.dto.PageView;
import io.snapkeep.catalog.service.JobCancellation;
import io.snapkeep.catalog.service.JobQueries;
import io.snapkeep.catalog.service.PageRequest;

@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class JobResource {
    private final JobQueries jobs;
    private final JobCancellation cancellation;
    private final SecurityIdentity identity;

    public JobResource(JobQueries jobs, JobCancellation cancellation, SecurityIdentity identity) {
        this.jobs = jobs;
        this.cancellation = cancellation;
        this.identity = identity;
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

    /**
     * 202 with the job: CANCELLED when it was queued; still RUNNING, with {@code cancelRequestedBy}, until its worker
     * stopped it. 409 when it already ended or is a restore past its swap; 404 when unknown.
     */
    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited(value = "job.cancel", target = Audited.Target.JOB)
    public Uni<Response> cancel(@PathParam("id") UUID id) {
        return cancellation.cancel(id, Caller.of(identity).name())
                .map(job -> Response.accepted(Views.of(job)).build());
    }
}
