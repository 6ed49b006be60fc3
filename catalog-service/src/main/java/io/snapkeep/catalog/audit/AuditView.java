package io.snapkeep.catalog.audit;

import java.time.Instant;
import java.util.Map;

/** One entry of {@code GET /audit}. */
public record AuditView(long id, Instant at, String actor, String actorKind, String action,
        Map<String, String> targets, Map<String, Object> details, int outcome, String client) {
}
