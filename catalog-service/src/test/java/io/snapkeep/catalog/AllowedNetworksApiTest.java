package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.snapkeep.localstack.quarkus.RealServersTestResource;

/** With {@code snapkeep.instances.allowed-networks} set, hosts resolving elsewhere are refused. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
@TestProfile(AllowedNetworksApiTest.LoopbackOnly.class)
class AllowedNetworksApiTest {

    public static class LoopbackOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("snapkeep.instances.allowed-networks", "127.0.0.0/8,::1/128");
        }
    }

    @Test
    void hostsInsideAreRegistered() {
        register("127.0.0.1").then().statusCode(201);
        register("::1").then().statusCode(201);
        register("localhost").then().statusCode(201);
    }

    @Test
    void anAddressOutsideIsRefusedNamingTheHost() {
        register("10.1.2.3").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("connection.host"))
                .body("detail", equalTo("Snapkeep may not connect there: host 10.1.2.3 is outside the networks"
                        + " instances may be in (snapkeep.instances.allowed-networks: 127.0.0.0/8,0:0:0:0:0:0:0:1/128)."));
    }

    @Test
    void aHostThatDoesNotResolveCannotBeChecked() {
        register("no-such-host.invalid").then().statusCode(400).body("errors[0].field", equalTo("connection.host"))
                .body("detail", containsString("does not resolve"));
    }

    @Test
    void aNewInstanceTargetOutsideIsRefused() {
        String snapshotId = Fixtures.completedSnapshot(Fixtures.registerInstance());
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "new-" + UUID.randomUUID(), "connection",
                Map.of("host", "192.0.2.10", "database", "fresh", "username", "app", "sslmode", "disable")))
                .post("/api/v1/snapshots/" + snapshotId + "/instances").then().statusCode(400)
                .body("errors[0].field", equalTo("connection.host"));
    }

    private static Response register(String host) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("name", "net-" + UUID.randomUUID(), "engine",
                "postgresql", "connection", Map.of("host", host, "database", "app", "username", "app", "sslmode",
                        "disable"))).post("/api/v1/instances");
    }
}
