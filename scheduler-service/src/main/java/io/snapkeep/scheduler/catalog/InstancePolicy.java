package io.snapkeep.scheduler.catalog;

import io.snapkeep.policy.KeepCounts;
import io.snapkeep.policy.Policy;

/** The policy of an instance as the catalog shows it. */
public final class InstancePolicy {
    private InstancePolicy() {
    }

    /** @throws IllegalStateException when the catalog shows a policy this scheduler does not know */
    public static Policy of(InstanceView instance) {
        if (Policy.CUSTOM.equals(instance.policy()) && instance.custom() != null) {
            CustomPolicyView c = instance.custom();
            return Policy.custom(c.cron(),
                    new KeepCounts(c.keepLast(), c.hourly(), c.daily(), c.weekly(), c.monthly()));
        }
        return Policy.tier(instance.policy()).orElseThrow(() -> new IllegalStateException(
                "instance " + instance.name() + " has the policy '" + instance.policy() + "', unknown here"));
    }
}
