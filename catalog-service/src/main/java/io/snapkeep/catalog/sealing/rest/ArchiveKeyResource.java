package io.snapkeep.catalog.sealing.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.audit.Audited;
import io.snapkeep.catalog.auth.Caller;
import io.snapkeep.catalog.auth.Role;
import io.snapkeep.catalog.sealing.ArchiveSealing;
import io.snapkeep.catalog.sealing.KeyRewraps;

/** Archive key rotation, for admins: which keys are in use, and re-wrapping data keys to the active key. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class ArchiveKeyResource {
    private final KeyRewraps rewraps;
    private final ArchiveSealing sealing;
    private final SecurityIdentity identity;

    public ArchiveKeyResource(KeyRewraps rewraps, ArchiveSealing sealing, SecurityIdentity identity) {
        this.rewraps = rewraps;
        this.sealing = sealing;
        this.identity = identity;
    }

    @GET
    @Path("keys")
    @Operation(summary = "The archive key ids: the active one, those configured, and the snapshots under each")
    public Uni<KeyUsageView> keys() {
        return rewraps.usage().map(rows -> new KeyUsageView(sealing.keyring().activeId(), sealing.keyring().ids(),
                rows.stream().map(r -> new KeyUsageView.Usage((String) r[0], ((Number) r[1]).longValue())).toList()));
    }

    /**
     * 202 with the run, RUNNING; 409 while another one runs. The run's row commits before it starts working, so its
     * audit entry is written on its own, after the answer.
     */
    @POST
    @Path("rewrap")
    @Audited(value = "archive.rewrap", sameTransaction = false)
    @Operation(summary = "Re-wrap every snapshot's data key to the active archive key (the data is not re-encrypted)")
    public Uni<Response> rewrap() {
        return rewraps.start(Caller.of(identity).name())
                .map(run -> Response.accepted(KeyRewrapView.of(run)).build());
    }

    @GET
    @Path("rewrap/{id}")
    public Uni<KeyRewrapView> run(@PathParam("id") UUID id) {
        return rewraps.get(id).map(KeyRewrapView::of);
    }
}
