package io.snapkeep.catalog.rest;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.snapkeep.catalog.rest.dto.PolicyView;
import io.snapkeep.catalog.service.PolicyTier;

@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @GET
    public List<PolicyView> list() {
        return Arrays.stream(PolicyTier.values()).map(t -> new PolicyView(t.id(), t.schedule(), t.retention()))
                .toList();
    }
}
