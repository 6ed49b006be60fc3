package io.snapkeep.scheduler.schedule;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.snapkeep.messages.SnapshotRequest;
import io.snapkeep.policy.Policy;
import io.snapkeep.policy.SchedulerSettings;
import io.snapkeep.policy.Slots;
import io.snapkeep.scheduler.catalog.Catalog;
import io.snapkeep.scheduler.catalog.InstanceView;

/**
 * Asks for an instance's latest due slot until a snapshot has it. The request id is the instance and the slot, so
 * replicas and restarts ask for the same snapshot and the catalog makes it once; asking again on every tick until
 * the snapshot exists covers a request the catalog refused because the instance was busy. Only the latest due slot
 * is ever asked for: after downtime, one catch-up snapshot per instance.
 */
@ApplicationScoped
public class SlotTrigger {
    static final String ORIGIN = "SCHEDULED";
    private static final Logger LOG = Logger.getLogger(SlotTrigger.class);

    private final Catalog catalog;
    private final SnapshotRequests requests;
    private final ServedSlots served;
    private final SchedulerSettings settings;
    private final Counter sent;

    public SlotTrigger(Catalog catalog, SnapshotRequests requests, ServedSlots served, SchedulerSettings settings,
            MeterRegistry metrics) {
        this.catalog = catalog;
        this.requests = requests;
        this.served = served;
        this.settings = settings;
        this.sent = Counter.builder("snapkeep.scheduler.requests").description("snapshot requests sent")
                .register(metrics);
    }

    /** @return the slot asked for, or empty when none is due, its snapshot exists, or the instance is busy */
    public Optional<Instant> trigger(InstanceView instance, Policy policy, Instant now) {
        Optional<Instant> due = policy.slots(instance.id(), settings).flatMap(slots -> slots.latestDue(now));
        if (due.isEmpty() || served.isServed(instance.id(), due.get())) {
            return Optional.empty();
        }
        Instant slot = due.get();
        String requestId = Slots.requestId(instance.id(), slot);
        if (catalog.hasSnapshotFor(requestId)) {
            served.served(instance.id(), slot);
            return Optional.empty();
        }
        if (!instance.isAvailable()) {
            LOG.debugf("instance %s is %s: slot %s waits for the next tick", instance.name(), instance.status(), slot);
            return Optional.empty();
        }
        requests.send(new SnapshotRequest(1, requestId, instance.id(), null, Slots.snapshotName(slot), ORIGIN, null));
        sent.increment();
        LOG.infof("asked for snapshot %s of instance %s (%s)", requestId, instance.name(), policy.name());
        return due;
    }
}
