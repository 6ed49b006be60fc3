package io.snapkeep.catalog.auth;

import static io.restassured.RestAssured.given;
import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.snapkeep.catalog.Tokens;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** An API token from its creation to its revocation or expiry. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class TokenLifecycleTest {
    @Inject
    Pool pool;

    @Test
    void aTokenIsShownOnceStoredHashedUsedAndRevoked() {
        String name = "ci-" + UUID.randomUUID();
        var created = asAdmin().contentType(ContentType.JSON).body(Map.of("name", name, "role", "operator"))
                .post("/api/v1/tokens").then().statusCode(201)
                .body("name", equalTo(name)).body("role", equalTo("operator")).body("createdAt", notNullValue())
                .extract();
        String token = created.path("token");
        String id = created.path("id");
        assertTrue(token.matches("snk_[A-Za-z0-9_-]{43,}"), token.substring(0, 4));

        List<String> rows = pool.query("select row_to_json(t)::text from api_token t").execute().await()
                .indefinitely().stream().map((Row r) -> r.getString(0)).toList();
        assertTrue(rows.stream().anyMatch(r -> r.contains(name)), "the token's row is there");
        assertFalse(rows.stream().anyMatch(r -> r.contains(token.substring(4))), "the plaintext is in no column");

        Tokens.with(token).get("/api/v1/tokens/self").then().statusCode(200)
                .body("name", equalTo("token:" + name)).body("role", equalTo("operator"))
                .body("kind", equalTo("token"));
        String listed = asAdmin().get("/api/v1/tokens").then().statusCode(200).extract().asString();
        assertTrue(listed.contains(name) && !listed.contains(token.substring(4)), "the list shows no secret");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> asAdmin().get("/api/v1/tokens").then()
                .extract().jsonPath().getList("findAll { it.id == '" + id + "' }.lastUsedAt").get(0) != null);

        asAdmin().delete("/api/v1/tokens/" + id).then().statusCode(204);
        Tokens.with(token).get("/api/v1/instances").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("revoked"));
        asAdmin().delete("/api/v1/tokens/" + id).then().statusCode(204);
        asAdmin().delete("/api/v1/tokens/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "short-lived", "role", "viewer",
                "expiresAt", Instant.now().plusSeconds(2).toString()))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        Tokens.with(token).get("/api/v1/instances").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> Tokens.with(token).get("/api/v1/instances").statusCode() == 401);
        Tokens.with(token).get("/api/v1/instances").then().body("detail", containsString("expired"));
    }

    @Test
    void aBadTokenRequestIsRefusedNamingTheField() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "root"))
                .post("/api/v1/tokens").then().statusCode(400).body("errors[0].field", equalTo("role"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("role", "viewer"))
                .post("/api/v1/tokens").then().statusCode(400).body("errors[0].field", equalTo("name"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "viewer",
                "expiresAt", "2020-01-01T00:00:00Z")).post("/api/v1/tokens").then().statusCode(400)
                .body("errors[0].field", equalTo("expiresAt"));
    }

    @Test
    void anOperatorCannotMakeTokens() {
        String operator = TestTokens.create("operator");
        Tokens.with(operator).contentType(ContentType.JSON).body(Map.of("name", "mine", "role", "admin"))
                .post("/api/v1/tokens").then().statusCode(403).body("detail", containsString("admin role"));
        assertEquals(401, given().get("/api/v1/tokens").statusCode());
    }
}
