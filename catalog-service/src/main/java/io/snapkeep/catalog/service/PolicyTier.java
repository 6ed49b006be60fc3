package io.snapkeep.catalog.service;

import java.util.Arrays;
import java.util.Optional;

/** The policy tiers of the design: when snapshots are taken and how long they are kept. */
public enum PolicyTier {
    FREE("free", "on demand only", "the latest snapshot only"),
    PROFESSIONAL("professional", "daily", "7 days"),
    BUSINESS_CRITICAL("business-critical", "hourly", "30 days"),
    VDC("vdc", "hourly", "hourly ones for days 1-7, one a day for days 8-60");

    private final String id;
    private final String schedule;
    private final String retention;

    PolicyTier(String id, String schedule, String retention) {
        this.id = id;
        this.schedule = schedule;
        this.retention = retention;
    }

    public static Optional<PolicyTier> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(PolicyTier::id).toList());
    }

    public String id() {
        return id;
    }

    public String schedule() {
        return schedule;
    }

    public String retention() {
        return retention;
    }
}
