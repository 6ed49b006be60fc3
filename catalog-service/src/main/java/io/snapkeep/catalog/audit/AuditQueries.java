package io.snapkeep.catalog.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.service.PageRequest;
import io.snapkeep.catalog.service.Paged;
import io.snapkeep.catalog.service.QueryFilter;

/** Reads the audit trail, newest first, by actor, action, instance and time. */
@ApplicationScoped
public class AuditQueries {
    private final AuditRepository entries;
    private final ObjectMapper json;

    public AuditQueries(AuditRepository entries, ObjectMapper json) {
        this.entries = entries;
        this.json = json;
    }

    @WithSession
    public Uni<Paged<AuditView>> page(String actor, String action, UUID instanceId, Instant since,
            PageRequest request) {
        QueryFilter filter = new QueryFilter().equal("actor", actor).equal("action", action)
                .equal("instanceId", instanceId).atLeast("at", since);
        return QueryFilter.page(entries.find(filter.where(), Sort.descending("id"), filter.params()), request)
                .map(page -> new Paged<>(page.items().stream().map(this::view).toList(), page.total()));
    }

    private AuditView view(AuditEntry e) {
        Map<String, Object> details;
        try {
            details = json.readValue(e.details, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException ex) {
            details = Map.of();
        }
        return new AuditView(e.id, e.at, e.actor, e.actorKind, e.action, AuditTrail.targets(e), details, e.outcome,
                e.client);
    }
}
