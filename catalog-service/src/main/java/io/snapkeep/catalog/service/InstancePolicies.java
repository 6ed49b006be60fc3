package io.snapkeep.catalog.service;

import io.snapkeep.catalog.CustomPolicyColumns;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.rest.dto.CustomPolicy;
import io.snapkeep.catalog.rest.dto.PolicyRequest;
import io.snapkeep.policy.KeepCounts;
import io.snapkeep.policy.Policy;
import io.snapkeep.policy.PolicyException;
import io.snapkeep.policy.Tier;

/** Reads and sets an instance's policy: a tier, or a custom one kept in the instance's custom columns. */
final class InstancePolicies {
    private InstancePolicies() {
    }

    static Policy of(Instance instance) {
        if (instance.custom != null) {
            CustomPolicyColumns c = instance.custom;
            return Policy.custom(c.cron, new KeepCounts(c.keepLast, c.hourly, c.daily, c.weekly, c.monthly));
        }
        return Policy.tier(instance.policy).orElseThrow(() -> new IllegalStateException(
                "instance " + instance.id + " has the unknown policy " + instance.policy));
    }

    /** The policy a request asks for: 400 naming the field at fault when it is not a usable one. */
    static Policy requested(PolicyRequest request) {
        if ((request.tier() == null) == (request.custom() == null)) {
            throw CatalogException.invalid("tier", "Give either a tier, {\"tier\": \"vdc\"} (one of " + Tier.ids()
                    + "), or a custom policy, {\"custom\": {\"cron\": \"0 3 * * *\", \"keepLast\": 3, \"daily\": 7}}.");
        }
        if (request.tier() != null) {
            return Policy.tier(request.tier()).orElseThrow(() -> CatalogException.invalid("tier", "tier '"
                    + request.tier() + "' is unknown: use one of " + Tier.ids() + ", or a custom policy."));
        }
        CustomPolicy custom = request.custom();
        try {
            return Policy.custom(custom.cron(), new KeepCounts(count(custom.keepLast()), count(custom.hourly()),
                    count(custom.daily()), count(custom.weekly()), count(custom.monthly())));
        } catch (PolicyException e) {
            throw CatalogException.invalid("custom." + e.field(), e.getMessage());
        }
    }

    static void apply(Instance instance, Policy policy) {
        instance.policy = policy.name();
        if (!Policy.CUSTOM.equals(policy.name())) {
            instance.custom = null;
            return;
        }
        CustomPolicyColumns columns = new CustomPolicyColumns();
        columns.cron = policy.schedule().expression();
        columns.keepLast = policy.keep().keepLast();
        columns.hourly = policy.keep().hourly();
        columns.daily = policy.keep().daily();
        columns.weekly = policy.keep().weekly();
        columns.monthly = policy.keep().monthly();
        instance.custom = columns;
    }

    private static int count(Integer n) {
        return n == null ? 0 : n;
    }
}
