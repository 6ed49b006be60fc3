package io.snapkeep.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.in;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.snapkeep.localstack.PostgresServer;

/** The catalog API as an operator's script uses it, with real API tokens. */
final class Api {
    private static final int PAGE_SIZE = 100;

    private Api() {
    }

    /** A request with the catalog's bootstrap admin token: registering instances, making tokens. */
    static RequestSpecification admin() {
        return RestAssured.given().header("Authorization", "Bearer " + RunningSystem.get().adminToken());
    }

    /** A request with the operator token the end-to-end run made for itself: what a backup script holds. */
    static RequestSpecification operator() {
        return RestAssured.given().header("Authorization", "Bearer " + RunningSystem.get().operatorToken());
    }

    static String registerInstance(Map<String, Object> connection) {
        return admin().contentType(ContentType.JSON)
                .body(Map.of("name", "e2e-" + UUID.randomUUID(), "engine", "postgresql", "policy", "free",
                        "connection", connection))
                .post("/api/v1/instances").then().statusCode(201).extract().path("id");
    }

    /** The names of every instance, all pages of {@code GET /instances} read. */
    static List<String> instanceNames() {
        List<String> names = new ArrayList<>();
        for (int page = 0;; page++) {
            ExtractableResponse<Response> answer = operator().queryParam("page", page).queryParam("size", PAGE_SIZE)
                    .get("/api/v1/instances").then().statusCode(200).extract();
            List<String> items = answer.path("items.name");
            names.addAll(items);
            if (items.size() < PAGE_SIZE || names.size() >= answer.<Integer>path("total")) {
                return names;
            }
        }
    }

    /** @return the 202 answer: the PENDING snapshot with its jobId */
    static ExtractableResponse<Response> snapshot(String instanceId, Map<String, Object> options) {
        Map<String, Object> body = new HashMap<>(Map.of("instanceId", instanceId, "name", "e2e"));
        if (options != null) {
            body.put("options", options);
        }
        return operator().contentType(ContentType.JSON).body(body).post("/api/v1/snapshots").then().statusCode(202)
                .body("status", equalTo("PENDING")).extract();
    }

    /** Waits until the snapshot ended (COMPLETED or FAILED) and returns it. */
    static ExtractableResponse<Response> awaitEnded(String snapshotId, Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> operator().get("/api/v1/snapshots/" + snapshotId).then()
                        .body("status", in(List.of("COMPLETED", "FAILED"))));
        return operator().get("/api/v1/snapshots/" + snapshotId).then().extract();
    }

    /** Asks for a new instance from a snapshot, in a new database on the test PostgreSQL, as an operator. */
    static Response newInstance(PostgresServer postgres, String snapshotId, String name, String database) {
        return newInstance(operator(), postgres, snapshotId, name, database, false);
    }

    /** The same as {@code as}, saying whether an uploaded archive may be restored as a superuser (admins only). */
    static Response newInstance(RequestSpecification as, PostgresServer postgres, String snapshotId, String name,
            String database, boolean allowSuperuser) {
        return as.contentType(ContentType.JSON)
                .body(Map.of("name", name, "allowSuperuser", allowSuperuser, "connection", Map.of("host",
                        postgres.host(), "port", postgres.port(), "database", database, "username",
                        postgres.superuser(), "password", postgres.password(), "sslmode", "disable")))
                .post("/api/v1/snapshots/" + snapshotId + "/instances");
    }

    /** Waits until the job ended and checks it ended as expected, showing its error otherwise. */
    static void awaitJob(String jobId, String status) {
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> operator().get("/api/v1/jobs/" + jobId).then()
                        .body("status", in(List.of("SUCCEEDED", "FAILED"))));
        ExtractableResponse<Response> job = operator().get("/api/v1/jobs/" + jobId).then().extract();
        assertEquals(status, job.path("status"), "job error: " + job.path("error"));
    }
}
