package io.snapkeep.catalog.auth.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.audit.Audited;
import io.snapkeep.catalog.auth.Caller;
import io.snapkeep.catalog.auth.Role;
import io.snapkeep.catalog.auth.dto.CreateUserRequest;
import io.snapkeep.catalog.auth.dto.UpdateUserRequest;
import io.snapkeep.catalog.auth.dto.UserView;
import io.snapkeep.catalog.auth.service.UserService;

@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class UserResource {
    private final UserService users;
    private final SecurityIdentity identity;

    public UserResource(UserService users, SecurityIdentity identity) {
        this.users = users;
        this.identity = identity;
    }

    @POST
    @Audited(value = "user.create", target = Audited.Target.USER)
    public Uni<Response> create(CreateUserRequest request) {
        return users.create(request).map(user -> Response.created(URI.create("/api/v1/users/" + user.id()))
                .entity(user).build());
    }

    @GET
    public Uni<List<UserView>> list() {
        return users.list();
    }

    @GET
    @Path("{id}")
    public Uni<UserView> get(@PathParam("id") UUID id) {
        return users.get(id);
    }

    /** Any signed-in user may change its own password; an admin any user's password and role. */
    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.VIEWER_NAME)
    @Audited(value = "user.update", target = Audited.Target.USER)
    public Uni<UserView> update(@PathParam("id") UUID id, UpdateUserRequest request) {
        return users.update(id, request, Caller.of(identity));
    }

    @DELETE
    @Path("{id}")
    @Audited(value = "user.delete", target = Audited.Target.USER)
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return users.delete(id).replaceWith(Response.noContent().build());
    }
}
