package io.snapkeep.scheduler.catalog;

/** An instance as the catalog shows it: its policy tier, or {@code custom} with {@code custom} set. */
public record InstanceView(String id, String name, String policy, String status, CustomPolicyView custom) {

    public boolean isAvailable() {
        return "AVAILABLE".equals(status);
    }
}
