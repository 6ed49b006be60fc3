package io.snapkeep.catalog.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.repository.InstanceRepository;
import io.snapkeep.policy.Decision;
import io.snapkeep.policy.Policy;
import io.snapkeep.policy.RetentionPlan;
import io.snapkeep.policy.SchedulerSettings;

/** What the next pruning of an instance would delete and keep, and why. */
@ApplicationScoped
public class RetentionPreviews {
    private final InstanceRepository instances;
    private final RetentionLoader loader;
    private final SchedulerSettings settings;
    private final Clock clock;

    public RetentionPreviews(InstanceRepository instances, RetentionLoader loader, SchedulerSettings settings,
            Clock clock) {
        this.instances = instances;
        this.loader = loader;
        this.settings = settings;
        this.clock = clock;
    }

    /** One snapshot's fate. */
    public record Entry(Snapshot snapshot, Decision decision, Instant expiresAt) {
    }

    /** The preview of an instance, its snapshots newest first. */
    public record Preview(UUID instanceId, Policy policy, Instant evaluatedAt, List<Entry> entries) {
    }

    @WithSession
    public Uni<Preview> preview(UUID instanceId) {
        return instances.findLive(instanceId)
                .onItem().ifNull().failWith(() -> CatalogException.notFound("instance", instanceId))
                .chain(instance -> loader.load(instance, null)).map(retention -> {
                    Instant now = clock.instant();
                    RetentionPlan plan = retention.plan(settings);
                    Map<String, Instant> expiries = retention.expiries(settings, now);
                    List<Entry> entries = retention.snapshots().stream().map(s -> new Entry(s,
                            plan.decision(s.id.toString()).orElseThrow(), expiries.get(s.id.toString()))).toList();
                    return new Preview(instanceId, retention.policy(), now, entries);
                });
    }
}
