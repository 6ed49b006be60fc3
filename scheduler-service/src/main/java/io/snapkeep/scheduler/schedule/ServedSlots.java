package io.snapkeep.scheduler.schedule;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The latest slot of each instance known to have its snapshot, so that the catalog is asked once per slot. Only a
 * shortcut: after a restart the catalog is asked again.
 */
@ApplicationScoped
public class ServedSlots {
    private final Map<String, Instant> latest = new ConcurrentHashMap<>();

    boolean isServed(String instanceId, Instant slot) {
        Instant served = latest.get(instanceId);
        return served != null && !slot.isAfter(served);
    }

    void served(String instanceId, Instant slot) {
        latest.merge(instanceId, slot, (a, b) -> a.isAfter(b) ? a : b);
    }
}
