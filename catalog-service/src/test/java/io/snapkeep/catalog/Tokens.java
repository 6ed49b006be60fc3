package io.snapkeep.catalog;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Requests as a principal: the test profile's bootstrap admin token, or a token the test made. */
public final class Tokens {
    /** {@code snapkeep.auth.bootstrap-token} of the test profile, registered by the catalog at start. */
    public static final String ADMIN = "snk_test-admin-token-000000000000000000000000000";

    private Tokens() {
    }

    /** A request with the bootstrap admin token. */
    public static RequestSpecification asAdmin() {
        return with(ADMIN);
    }

    /** A request with {@code token} as its bearer token. */
    public static RequestSpecification with(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }
}
