package io.snapkeep.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.in;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The catalog API as an operator's script uses it. */
final class Api {
    private Api() {
    }

    static String registerInstance(Map<String, Object> connection) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "e2e-" + UUID.randomUUID(), "engine", "postgresql", "policy", "free",
                        "connection", connection))
                .post("/api/v1/instances").then().statusCode(201).extract().path("id");
    }

    /** @return the 202 answer: the PENDING snapshot with its jobId */
    static ExtractableResponse<Response> snapshot(String instanceId, Map<String, Object> options) {
        Map<String, Object> body = new HashMap<>(Map.of("instanceId", instanceId, "name", "e2e"));
        if (options != null) {
            body.put("options", options);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/snapshots").then().statusCode(202)
                .body("status", equalTo("PENDING")).extract();
    }

    /** Waits until the snapshot ended (COMPLETED or FAILED) and returns it. */
    static ExtractableResponse<Response> awaitEnded(String snapshotId, Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().get("/api/v1/snapshots/" + snapshotId).then()
                        .body("status", in(List.of("COMPLETED", "FAILED"))));
        return given().get("/api/v1/snapshots/" + snapshotId).then().extract();
    }
}
