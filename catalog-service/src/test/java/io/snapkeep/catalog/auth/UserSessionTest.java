package io.snapkeep.catalog.auth;

import static io.restassured.RestAssured.given;
import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.snapkeep.catalog.Fixtures;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.vertx.mutiny.sqlclient.Pool;

/** Console users: login, the session cookie and its CSRF token, throttled failures, password changes. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class UserSessionTest {
    private static final String PASSWORD = "correct horse battery";

    @Inject
    Pool pool;

    @Test
    void aSessionCookieWorksForReadsAndNeedsTheCsrfTokenForChanges() {
        String username = "op-" + UUID.randomUUID();
        TestTokens.user(username, PASSWORD, "operator");
        Response login = login(username, PASSWORD);
        login.then().statusCode(200).body("username", equalTo(username)).body("role", equalTo("operator"));
        String csrf = login.path("csrfToken");
        String session = login.cookie("snapkeep_session");
        String setCookie = login.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("snapkeep_session=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain http: no Secure flag");
        assertEquals(csrf, login.cookie("snapkeep_csrf"));

        given().cookie("snapkeep_session", session).get("/api/v1/tokens/self").then().statusCode(200)
                .body("kind", equalTo("session")).body("name", equalTo(username));
        String instanceId = Fixtures.registerInstance();
        Map<String, String> body = Map.of("instanceId", instanceId, "name", "from-the-console");
        given().cookie("snapkeep_session", session).contentType(ContentType.JSON).body(body)
                .post("/api/v1/snapshots").then().statusCode(403).body("detail", containsString("CSRF"));
        given().cookie("snapkeep_session", session).header("X-CSRF-Token", "forged").contentType(ContentType.JSON)
                .body(body).post("/api/v1/snapshots").then().statusCode(403);
        given().cookie("snapkeep_session", session).header("X-CSRF-Token", csrf).contentType(ContentType.JSON)
                .body(body).post("/api/v1/snapshots").then().statusCode(202);

        given().cookie("snapkeep_session", session).header("X-CSRF-Token", csrf).post("/api/v1/logout").then()
                .statusCode(204);
        given().cookie("snapkeep_session", session).get("/api/v1/instances").then().statusCode(401)
                .body("detail", containsString("sign in again"));
    }

    @Test
    void theSessionTablesHoldNoSecretInClear() {
        String username = "viewer-" + UUID.randomUUID();
        TestTokens.user(username, PASSWORD, "viewer");
        Response login = login(username, PASSWORD);
        String session = login.cookie("snapkeep_session");
        String csrf = login.path("csrfToken");
        List<String> rows = pool.query("select row_to_json(s)::text || row_to_json(u)::text from user_session s"
                + " join app_user u on u.id = s.user_id").execute().await().indefinitely().stream()
                .map(r -> r.getString(0)).toList();
        assertTrue(rows.stream().anyMatch(r -> r.contains(username)));
        assertFalse(rows.stream().anyMatch(r -> r.contains(session) || r.contains(csrf) || r.contains(PASSWORD)));
        assertTrue(rows.stream().filter(r -> r.contains(username)).allMatch(r -> r.contains("$2a$")),
                "the password is a bcrypt hash");
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedFailuresAreThrottled() {
        String username = "target-" + UUID.randomUUID();
        TestTokens.user(username, PASSWORD, "viewer");
        for (int i = 0; i < 5; i++) {
            login(username, "wrong password " + i).then().statusCode(401)
                    .contentType("application/problem+json").body("detail", equalTo("Wrong user name or password."));
        }
        login(username, PASSWORD).then().statusCode(429).body("detail", containsString("Too many failed logins"));
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> login(username, PASSWORD).statusCode() == 200);
        login("nobody-" + UUID.randomUUID(), PASSWORD).then().statusCode(401)
                .body("detail", equalTo("Wrong user name or password."));
    }

    @Test
    void aUserChangesItsOwnPasswordButNotItsRole() {
        String username = "self-" + UUID.randomUUID();
        String id = TestTokens.user(username, PASSWORD, "viewer");
        Response login = login(username, PASSWORD);
        String session = login.cookie("snapkeep_session");
        String csrf = login.path("csrfToken");
        given().cookie("snapkeep_session", session).header("X-CSRF-Token", csrf).contentType(ContentType.JSON)
                .body(Map.of("role", "admin")).patch("/api/v1/users/" + id).then().statusCode(403);
        given().cookie("snapkeep_session", session).header("X-CSRF-Token", csrf).contentType(ContentType.JSON)
                .body(Map.of("password", "another good password")).patch("/api/v1/users/" + id).then()
                .statusCode(200).body("role", equalTo("viewer"));
        login(username, PASSWORD).then().statusCode(401);
        login(username, "another good password").then().statusCode(200);
        asAdmin().get("/api/v1/users/" + id).then().statusCode(200).body(not(containsString("$2a$")));
    }

    @Test
    void usersAreValidatedAndTheLastAdminStays() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "short", "password", "short", "role",
                "viewer")).post("/api/v1/users").then().statusCode(400).body("errors[0].field", equalTo("password"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "bad name!", "password", PASSWORD, "role",
                "viewer")).post("/api/v1/users").then().statusCode(400).body("errors[0].field", equalTo("username"));
        String username = "dup-" + UUID.randomUUID();
        TestTokens.user(username, PASSWORD, "viewer");
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD, "role",
                "viewer")).post("/api/v1/users").then().statusCode(409);
        String id = TestTokens.user("gone-" + UUID.randomUUID(), PASSWORD, "operator");
        asAdmin().delete("/api/v1/users/" + id).then().statusCode(204);
        asAdmin().get("/api/v1/users/" + id).then().statusCode(404);
        assertNotNull(asAdmin().get("/api/v1/users").then().statusCode(200).extract().path("[0]"));
    }

    private static Response login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/login");
    }
}
