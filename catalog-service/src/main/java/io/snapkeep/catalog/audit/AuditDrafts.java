package io.snapkeep.catalog.audit;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkus.security.identity.SecurityIdentity;
import io.snapkeep.catalog.auth.Caller;

/**
 * Builds audit entries from what a call carried: its action, the ids in its path, query, body and answer, and its
 * parameters with every secret-looking field removed (passwords, secrets, tokens, keys, certificates).
 */
@ApplicationScoped
public class AuditDrafts {
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|credential|key|cert).*");
    private static final int LONGEST_VALUE = 200;
    private static final List<String> INSTANCE_KEYS = List.of("instanceId", "targetInstanceId");

    private final ObjectMapper json;

    public AuditDrafts(ObjectMapper json) {
        this.json = json;
    }

    /** The request's parameters as the entry's details: method, path, query and the bodies without secrets. */
    public Map<String, Object> details(String method, String path, Map<String, List<String>> query,
            List<Object> bodies) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", method);
        details.put("path", path);
        Map<String, Object> params = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (!SECRET.matcher(name).matches()) {
                params.put(name, values.size() == 1 ? values.get(0) : values);
            }
        });
        if (!params.isEmpty()) {
            details.put("query", params);
        }
        ObjectNode body = json.createObjectNode();
        for (Object value : bodies) {
            JsonNode tree = json.valueToTree(value);
            if (tree instanceof ObjectNode object) {
                body.setAll(scrubbed(object));
            }
        }
        if (!body.isEmpty()) {
            details.put("body", json.convertValue(body, new TypeReference<Map<String, Object>>() {
            }));
        }
        return details;
    }

    /**
     * @param pathId the {@code id} path parameter, or null
     * @param answer the answer's entity (its ids are read when it is a record), or null
     */
    public AuditDraft draft(Audited audited, Map<String, Object> details, String pathId, Object answer, int status,
            SecurityIdentity identity, String client) {
        Ids ids = new Ids();
        Map<?, ?> query = (Map<?, ?>) details.getOrDefault("query", Map.of());
        Map<?, ?> body = (Map<?, ?>) details.getOrDefault("body", Map.of());
        INSTANCE_KEYS.forEach(key -> ids.put(Audited.Target.INSTANCE, query.get(key)));
        INSTANCE_KEYS.forEach(key -> ids.put(Audited.Target.INSTANCE, body.get(key)));
        Audited.Target target = audited == null ? Audited.Target.NONE : audited.target();
        ids.put(target, pathId);
        if (answer != null && answer.getClass().isRecord() && status < 300) {
            JsonNode tree = json.valueToTree(answer);
            Audited.Target answerTarget = audited == null || audited.answer() == Audited.Target.NONE ? target
                    : audited.answer();
            ids.put(answerTarget, text(tree, "id"));
            ids.put(Audited.Target.JOB, text(tree, "jobId"));
            ids.put(Audited.Target.INSTANCE, text(tree, "instanceId"));
            ids.put(Audited.Target.SNAPSHOT, text(tree, "snapshotId"));
        }
        String action = audited == null || audited.value().isEmpty() ? details.get("method") + " " + details.get("path")
                : audited.value();
        Caller caller = Caller.of(identity);
        String actor = caller != null ? caller.name() : body.get("username") instanceof String name ? name
                : "anonymous";
        String kind = caller == null ? (body.get("username") instanceof String ? "user" : "anonymous")
                : caller.kind() == Caller.Kind.TOKEN ? "token" : "user";
        return new AuditDraft(actor, kind, action, ids.instance, ids.snapshot, ids.job, ids.other, details, status,
                client);
    }

    private ObjectNode scrubbed(ObjectNode object) {
        ObjectNode clean = json.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (SECRET.matcher(field.getKey()).matches() || value.isNull()) {
                continue;
            }
            if (value instanceof ObjectNode nested) {
                clean.set(field.getKey(), scrubbed(nested));
            } else if (value.isTextual() && value.asText().length() > LONGEST_VALUE) {
                clean.set(field.getKey(), TextNode.valueOf(value.asText().substring(0, LONGEST_VALUE) + "…"));
            } else {
                clean.set(field.getKey(), value);
            }
        }
        return clean;
    }

    private static Object text(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The ids an entry points at; the first of each kind wins. */
    private static final class Ids {
        UUID instance;
        UUID snapshot;
        UUID job;
        String other;

        void put(Audited.Target target, Object value) {
            if (value == null || target == Audited.Target.NONE) {
                return;
            }
            String text = value.toString();
            switch (target) {
                case INSTANCE -> instance = instance == null ? uuid(text) : instance;
                case SNAPSHOT -> snapshot = snapshot == null ? uuid(text) : snapshot;
                case JOB -> job = job == null ? uuid(text) : job;
                default -> other = other == null && text.length() <= 64 ? text : other;
            }
        }

        private static UUID uuid(String text) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
