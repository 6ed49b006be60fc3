package io.snapkeep.scheduler.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the catalog's HTTP API only, in memory: the instances, snapshots and jobs a test puts in, listed and
 * paged as the catalog does, and deletions recorded. It makes no snapshot itself: the test plays the catalog's
 * Kafka side, reading the requests the scheduler sent. Like the catalog, it answers 401 to a call without the
 * scheduler's token.
 */
public final class FakeCatalog {
    /** The API token the scheduler must send, as the real catalog requires one. */
    public static final String TOKEN = "snk_scheduler-test-token-00000000000000000000000";
    private static final Set<String> ACTIVE = Set.of("QUEUED", "RUNNING");
    private static final Comparator<Map<String, Object>> NEWEST = Comparator
            .comparing((Map<String, Object> s) -> (Instant) s.get("createdAt")).reversed();

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Map<String, Map<String, Object>> instances = new LinkedHashMap<>();
    private final List<Map<String, Object>> snapshots = new ArrayList<>();
    private final List<Map<String, Object>> jobs = new ArrayList<>();
    private final List<String> deletions = new ArrayList<>();

    private FakeCatalog(HttpServer server) {
        this.server = server;
    }

    public static FakeCatalog start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeCatalog catalog = new FakeCatalog(server);
            server.createContext("/", catalog::handle);
            server.start();
            return catalog;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized void reset() {
        instances.clear();
        snapshots.clear();
        jobs.clear();
        deletions.clear();
    }

    /** Adds an AVAILABLE instance with a tier, or a custom policy ({@code custom} non-null). */
    public synchronized String addInstance(String policy, Map<String, Object> custom) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> instance = new HashMap<>(Map.of("id", id, "name", "db-" + id.substring(0, 8),
                "engine", "postgresql", "policy", policy, "status", "AVAILABLE"));
        instance.put("custom", custom);
        instances.put(id, instance);
        return id;
    }

    public synchronized void setStatus(String instanceId, String status) {
        instances.get(instanceId).put("status", status);
    }

    public synchronized String addSnapshot(String instanceId, String origin, String status, Instant completedAt,
            String requestId) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> snapshot = new HashMap<>(Map.of("id", id, "instanceId", instanceId, "origin", origin,
                "status", status, "createdAt", completedAt == null ? Instant.EPOCH : completedAt));
        snapshot.put("completedAt", "COMPLETED".equals(status) ? completedAt : null);
        snapshot.put("requestId", requestId);
        snapshots.add(snapshot);
        return id;
    }

    public synchronized void addJob(String type, String snapshotId, String status) {
        jobs.add(Map.of("id", UUID.randomUUID().toString(), "type", type, "snapshotId", snapshotId,
                "status", status));
    }

    /** The deletions asked for, as {@code <snapshot id>?retention=<flag>}, in order. */
    public synchronized List<String> deletions() {
        return List.copyOf(deletions);
    }

    public synchronized List<String> snapshotIds(Predicate<Map<String, Object>> match) {
        return snapshots.stream().filter(match).map(s -> (String) s.get("id")).toList();
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String method = exchange.getRequestMethod();
        try (exchange) {
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, Map.of("status", 401, "detail", "no principal"));
            } else if (method.equals("GET") && path.equals("/api/v1/instances")) {
                reply(exchange, 200, page(List.copyOf(instances.values()), query));
            } else if (method.equals("GET") && path.equals("/api/v1/policies")) {
                reply(exchange, 200, List.of());
            } else if (method.equals("GET") && path.equals("/api/v1/snapshots")) {
                reply(exchange, 200, page(snapshots.stream().filter(s -> matches(s, query)).sorted(NEWEST).toList(),
                        query));
            } else if (method.equals("GET") && path.equals("/api/v1/jobs")) {
                reply(exchange, 200, page(jobs.stream()
                        .filter(j -> query.get("status") == null || j.get("status").equals(query.get("status")))
                        .toList(), query));
            } else if (method.equals("DELETE") && path.startsWith("/api/v1/snapshots/")) {
                delete(exchange, path.substring("/api/v1/snapshots/".length()), query);
            } else {
                reply(exchange, 404, Map.of("status", 404));
            }
        }
    }

    private static boolean matches(Map<String, Object> snapshot, Map<String, String> query) {
        String status = query.get("status");
        String requestId = query.get("requestId");
        return (query.get("instanceId") == null || query.get("instanceId").equals(snapshot.get("instanceId")))
                && (requestId == null || requestId.equals(snapshot.get("requestId")))
                && (status != null ? status.equals(snapshot.get("status"))
                        : requestId != null || !"DELETED".equals(snapshot.get("status")));
    }

    private void delete(HttpExchange exchange, String id, Map<String, String> query) throws IOException {
        Map<String, Object> snapshot = snapshots.stream().filter(s -> s.get("id").equals(id)).findFirst().orElse(null);
        if (snapshot == null) {
            reply(exchange, 404, Map.of("status", 404));
            return;
        }
        boolean read = jobs.stream().anyMatch(j -> id.equals(j.get("snapshotId")) && ACTIVE.contains(j.get("status")));
        if (read && !"DELETED".equals(snapshot.get("status"))) {
            reply(exchange, 409, Map.of("status", 409));
            return;
        }
        deletions.add(id + "?retention=" + query.getOrDefault("retention", "false"));
        snapshot.put("status", "DELETED");
        exchange.sendResponseHeaders(204, -1);
    }

    private static Map<String, Object> page(List<Map<String, Object>> all, Map<String, String> query) {
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        int size = Integer.parseInt(query.getOrDefault("size", "50"));
        int from = Math.min(all.size(), page * size);
        return Map.of("items", all.subList(from, Math.min(all.size(), from + size)), "page", page, "size", size,
                "total", all.size());
    }

    private void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }
}
