package io.snapkeep.messages;

import java.time.Instant;
import java.util.Map;

/**
 * On {@link Topics#AUDIT_EVENTS}, keyed by actor: one entry of the catalog's audit trail, for a SIEM. {@code targets}
 * holds the ids the action touched ({@code instanceId}, {@code snapshotId}, {@code jobId}, {@code targetId});
 * {@code details} the request's method, path, query and non-secret body fields; {@code outcome} its HTTP status.
 */
public record AuditEvent(int v, long id, String actor, String actorKind, String action, Map<String, String> targets,
        Map<String, Object> details, int outcome, String client, Instant at) {
}
