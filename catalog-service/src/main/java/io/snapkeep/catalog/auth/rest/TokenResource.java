package io.snapkeep.catalog.auth.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import io.snapkeep.catalog.auth.dto.CreateTokenRequest;
import io.snapkeep.catalog.auth.dto.SelfView;
import io.snapkeep.catalog.auth.dto.TokenView;
import io.snapkeep.catalog.auth.service.TokenService;

@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class TokenResource {
    private final TokenService tokens;
    private final SecurityIdentity identity;

    public TokenResource(TokenService tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    /** The only answer that shows the token itself. */
    @POST
    @Audited(value = "token.create", target = Audited.Target.TOKEN)
    public Uni<Response> create(CreateTokenRequest request) {
        return tokens.create(request, Caller.of(identity)).map(created -> Response
                .created(URI.create("/api/v1/tokens/" + created.id())).entity(created).build());
    }

    @GET
    public Uni<List<TokenView>> list() {
        return tokens.list();
    }

    /** Who the caller is, for any principal. */
    @GET
    @Path("self")
    @RolesAllowed(Role.VIEWER_NAME)
    public SelfView self() {
        Caller caller = Caller.of(identity);
        return new SelfView(caller.kind().name().toLowerCase(Locale.ROOT), caller.name(), caller.role().id());
    }

    @DELETE
    @Path("{id}")
    @Audited(value = "token.revoke", target = Audited.Target.TOKEN)
    public Uni<Response> revoke(@PathParam("id") UUID id) {
        return tokens.revoke(id).replaceWith(Response.noContent().build());
    }
}
