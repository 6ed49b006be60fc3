package io.snapkeep.catalog.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.service.OutboxWriter;
import io.snapkeep.messages.AuditEvent;
import io.snapkeep.messages.Topics;

/** Writes an audit entry and its {@code snapkeep.audit-events} message in the caller's transaction. */
@ApplicationScoped
public class AuditTrail {
    private final AuditRepository entries;
    private final OutboxWriter outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrail(AuditRepository entries, OutboxWriter outbox, ObjectMapper json, Clock clock) {
        this.entries = entries;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    public Uni<AuditEntry> record(AuditDraft draft) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.actor = draft.actor();
        entry.actorKind = draft.actorKind();
        entry.action = draft.action();
        entry.instanceId = draft.instanceId();
        entry.snapshotId = draft.snapshotId();
        entry.jobId = draft.jobId();
        entry.targetId = draft.targetId();
        entry.outcome = draft.outcome();
        entry.client = draft.client();
        try {
            entry.details = json.writeValueAsString(draft.details());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("could not write an audit entry's details", e));
        }
        return entries.persistAndFlush(entry).call(saved -> outbox.append(Topics.AUDIT_EVENTS, saved.actor,
                new AuditEvent(1, saved.id, saved.actor, saved.actorKind, saved.action, targets(saved),
                        draft.details(), saved.outcome, saved.client, saved.at)));
    }

    static Map<String, String> targets(AuditEntry entry) {
        Map<String, String> targets = new LinkedHashMap<>();
        put(targets, "instanceId", entry.instanceId);
        put(targets, "snapshotId", entry.snapshotId);
        put(targets, "jobId", entry.jobId);
        if (entry.targetId != null) {
            targets.put("targetId", entry.targetId);
        }
        return targets;
    }

    private static void put(Map<String, String> targets, String key, UUID id) {
        if (id != null) {
            targets.put(key, id.toString());
        }
    }
}
