package io.snapkeep.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import io.snapkeep.catalog.auth.Role;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.catalog.rest.dto.PolicyView;
import io.snapkeep.policy.KeepCounts;
import io.snapkeep.policy.Tier;

@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class PolicyResource {
    private static final String SCHEDULED = "scheduled snapshots; on-demand and uploaded ones are kept until deleted";

    private final String zone;

    public PolicyResource(CatalogConfig config) {
        this.zone = config.scheduler().zone().getId();
    }

    /** The tiers, then the shape of a custom policy. */
    @GET
    public List<PolicyView> list() {
        List<PolicyView> policies = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            KeepCounts k = tier.keep();
            policies.add(new PolicyView(tier.id(), tier.schedule(), tier.retention(), tier.cron(),
                    tier.cron() == null ? null : zone,
                    new PolicyView.KeepView(k.keepLast(), k.hourly(), k.daily(), k.weekly(), k.monthly()),
                    tier.allOrigins() ? "snapshots of any origin" : SCHEDULED));
        }
        policies.add(new PolicyView("custom", "a cron expression: minute hour day-of-month month day-of-week",
                "the newest keepLast, and the newest of each of the last hourly hours, daily days, weekly ISO weeks "
                        + "and monthly months that have one (grandfather-father-son); "
                        + "PUT {\"custom\": {\"cron\": \"0 3 * * *\", \"keepLast\": 3, \"daily\": 7}}",
                null, zone, null, SCHEDULED));
        return policies;
    }
}
