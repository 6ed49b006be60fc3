package io.snapkeep.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import io.snapkeep.catalog.audit.Audited;
import io.snapkeep.catalog.auth.Role;
import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import io.snapkeep.catalog.mapping.Views;
import io.snapkeep.catalog.rest.dto.CreateSnapshotRequest;
import io.snapkeep.catalog.rest.dto.NewInstanceRequest;
import io.snapkeep.catalog.rest.dto.PageView;
import io.snapkeep.catalog.rest.dto.RestoreRequest;
import io.snapkeep.catalog.rest.dto.SnapshotView;
import io.snapkeep.catalog.service.CatalogException;
import io.snapkeep.catalog.service.NewInstanceRestore;
import io.snapkeep.catalog.service.PageRequest;
import io.snapkeep.catalog.service.RestoreService;
import io.snapkeep.catalog.service.SnapshotDeletion;
import io.snapkeep.catalog.service.SnapshotQueries;
import io.snapkeep.catalog.service.SnapshotService;

@Path("/api/v1/snapshots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class SnapshotResource {
    private final SnapshotService snapshots;
    private final SnapshotQueries queries;
    private final RestoreService restores;
    private final NewInstanceRestore newInstances;
    private final SnapshotDeletion deletion;
    private final SecurityIdentity identity;

    public SnapshotResource(SnapshotService snapshots, SnapshotQueries queries, RestoreService restores,
            NewInstanceRestore newInstances, SnapshotDeletion deletion, SecurityIdentity identity) {
        this.snapshots = snapshots;
        this.queries = queries;
        this.restores = restores;
        this.newInstances = newInstances;
        this.deletion = deletion;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited(value = "snapshot.create", target = Audited.Target.SNAPSHOT)
    public Uni<Response> create(@NotNull(message = "is required: a JSON snapshot request") @Valid CreateSnapshotRequest request) {
        return snapshots.onDemand(request)
                .map(started -> Response.accepted(Views.of(started.snapshot()))
                        .location(URI.create("/api/v1/snapshots/" + started.snapshot().id)).build());
    }

    /** {@code requestId} finds the snapshot made for a snapshot request, whatever its status. */
    @GET
    public Uni<PageView<SnapshotView>> list(@QueryParam("instanceId") UUID instanceId,
            @QueryParam("status") String status, @QueryParam("origin") String origin,
            @QueryParam("requestId") String requestId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        return queries.page(instanceId, status, origin, requestId, request)
                .map(p -> Views.page(p, request, Views::of));
    }

    @GET
    @Path("{id}")
    public Uni<SnapshotView> get(@PathParam("id") UUID id) {
        return queries.get(id).map(Views::of);
    }

    /**
     * Marks the snapshot DELETING, removes its objects from the store, then marks it DELETED: 204, also when it already
     * was; 409 while a job reads it; 503 when the store failed (it stays DELETING and is retried). {@code
     * retention=true} deletes it only while retention, computed now, deletes it too. Its audit entry is written apart:
     * a deletion runs two transactions and holds none while the store is called.
     */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited(value = "snapshot.delete", target = Audited.Target.SNAPSHOT, sameTransaction = false)
    public Uni<Response> delete(@PathParam("id") UUID id, @QueryParam("retention") boolean byRetention) {
        return deletion.delete(id, byRetention).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("{id}/restore")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited(value = "snapshot.restore", target = Audited.Target.SNAPSHOT, answer = Audited.Target.JOB)
    public Uni<Response> restore(@PathParam("id") UUID id,
            @NotNull(message = "is required: {\"confirm\": \"RESTORE\"}") RestoreRequest request) {
        return restores.restore(id, request, allowSuperuser(request.allowSuperuser()))
                .map(job -> Response.accepted(Views.of(job))
                .location(URI.create("/api/v1/jobs/" + job.id)).build());
    }

    @POST
    @Path("{id}/instances")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited(value = "snapshot.new-instance", target = Audited.Target.SNAPSHOT, answer = Audited.Target.JOB)
    public Uni<Response> newInstance(@PathParam("id") UUID id,
            @NotNull(message = "is required: a name and a connection") @Valid NewInstanceRequest request) {
        return newInstances.start(id, request, allowSuperuser(request.allowSuperuser()))
                .map(job -> Response.accepted(Views.of(job))
                .location(URI.create("/api/v1/jobs/" + job.id)).build());
    }

    /** Restoring an uploaded (untrusted) archive as a superuser is an admin's decision alone. */
    private boolean allowSuperuser(Boolean asked) {
        if (!Boolean.TRUE.equals(asked)) {
            return false;
        }
        if (!identity.hasRole(Role.ADMIN_NAME)) {
            throw CatalogException.forbidden("allowSuperuser needs the admin role: an uploaded archive is untrusted"
                    + " SQL, and only an admin may have it run by a superuser.");
        }
        return true;
    }
}
