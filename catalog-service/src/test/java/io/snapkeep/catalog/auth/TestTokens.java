package io.snapkeep.catalog.auth;

import static io.snapkeep.catalog.Tokens.asAdmin;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Makes API tokens and users through the API, as an admin would. */
final class TestTokens {
    private TestTokens() {
    }

    /** A new token of {@code role}; its secret. */
    static String create(String role) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", role + "-" + UUID.randomUUID(), "role", role))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
    }

    /** A new user of {@code role} with {@code password}; its id. */
    static String user(String username, String password, String role) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "role", role))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
    }
}
