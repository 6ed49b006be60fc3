package io.snapkeep.catalog.audit;

import java.util.Map;
import java.util.UUID;

/** What an audit entry will say, before it is written. */
public record AuditDraft(String actor, String actorKind, String action, UUID instanceId, UUID snapshotId,
        UUID jobId, String targetId, Map<String, Object> details, int outcome, String client) {
}
