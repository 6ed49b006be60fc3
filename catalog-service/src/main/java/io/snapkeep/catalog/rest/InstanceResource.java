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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.mapping.Views;
import io.snapkeep.catalog.rest.dto.CreateInstanceRequest;
import io.snapkeep.catalog.rest.dto.InstanceView;
import io.snapkeep.catalog.rest.dto.PageView;
import io.snapkeep.catalog.rest.dto.PolicyRequest;
import io.snapkeep.catalog.service.InstanceService;
import io.snapkeep.catalog.service.PageRequest;

@Path("/api/v1/instances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class InstanceResource {
    private final InstanceService instances;

    public InstanceResource(InstanceService instances) {
        this.instances = instances;
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited(value = "instance.register", target = Audited.Target.INSTANCE)
    public Uni<Response> register(@NotNull(message = "is required: a JSON instance") @Valid CreateInstanceRequest request) {
        return instances.register(request).map(Views::of)
                .map(view -> Response.created(URI.create("/api/v1/instances/" + view.id())).entity(view).build());
    }

    @GET
    public Uni<PageView<InstanceView>> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        return instances.page(request).map(p -> Views.page(p, request, Views::of));
    }

    @GET
    @Path("{id}")
    public Uni<InstanceView> get(@PathParam("id") UUID id) {
        return instances.get(id).map(Views::of);
    }

    @PUT
    @Path("{id}/policy")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited(value = "instance.policy", target = Audited.Target.INSTANCE)
    public Uni<InstanceView> changePolicy(@PathParam("id") UUID id,
            @NotNull(message = "is required: {\"tier\": ...} or {\"custom\": {\"cron\": ..., \"daily\": ...}}")
            PolicyRequest request) {
        return instances.changePolicy(id, request).map(Views::of);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited(value = "instance.delete", target = Audited.Target.INSTANCE)
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return instances.delete(id).replaceWith(Response.noContent().build());
    }
}
