package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.snapkeep.localstack.LocalStack;
import io.snapkeep.localstack.quarkus.RealServersTestResource;

@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class InstanceApiTest {

    @Test
    void registeringAnswers201WithoutThePasswordAndStoresItSealed() {
        String name = "netbox-" + UUID.randomUUID();
        String body = asAdmin().contentType(ContentType.JSON).body(Fixtures.instanceBody(name))
                .post("/api/v1/instances")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/instances/"))
                .body("name", equalTo(name))
                .body("status", equalTo("AVAILABLE"))
                .body("connection.host", equalTo("127.0.0.1"))
                .body("connection.sslmode", equalTo("disable"))
                .extract().asString();
        assertFalse(body.contains(Fixtures.PASSWORD), "the answer must not carry the password");
        assertFalse(body.toLowerCase().contains("password"), "the answer must not have a password field");

        String id = asAdmin().get("/api/v1/instances?size=500").then().statusCode(200)
                .body("items.name", hasItem(name)).extract().path("items.find { it.name == '" + name + "' }.id");
        String stored = LocalStack.startForTests().postgres().psql(LocalStack.CATALOG_DATABASE,
                "select sealed_password from instance where id = '" + id + "'").trim();
        assertFalse(stored.isEmpty());
        assertFalse(stored.contains(Fixtures.PASSWORD), "the column must not hold the plaintext");
        assertTrue(stored.length() > Fixtures.PASSWORD.length(), "the column holds an envelope");

        asAdmin().get("/api/v1/instances/" + id).then().statusCode(200).body("id", equalTo(id))
                .body(not(containsString(Fixtures.PASSWORD)));
    }

    @Test
    void aMissingNameIsRefusedNamingTheField() {
        Map<String, Object> body = new HashMap<>(Fixtures.instanceBody("x"));
        body.remove("name");
        asAdmin().contentType(ContentType.JSON).body(body).post("/api/v1/instances")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("name"))
                .body("detail", containsString("name is required"));
    }

    @Test
    void anUnknownEngineIsRefused() {
        Map<String, Object> body = new HashMap<>(Fixtures.instanceBody("mysql-" + UUID.randomUUID()));
        body.put("engine", "mysql");
        asAdmin().contentType(ContentType.JSON).body(body).post("/api/v1/instances")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("engine"))
                .body("detail", containsString("'mysql' is not supported"));
    }

    @Test
    void aMissingConnectionHostIsRefusedNamingTheNestedField() {
        Map<String, Object> body = new HashMap<>(Fixtures.instanceBody("nohost-" + UUID.randomUUID()));
        body.put("connection", Map.of("database", "app", "username", "app"));
        asAdmin().contentType(ContentType.JSON).body(body).post("/api/v1/instances")
                .then().statusCode(400)
                .body("errors.field", hasItem("connection.host"));
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() {
        asAdmin().contentType(ContentType.JSON).body("{\"name\": ").post("/api/v1/instances")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void aSecondInstanceWithTheSameNameIsAConflict() {
        String name = "dup-" + UUID.randomUUID();
        asAdmin().contentType(ContentType.JSON).body(Fixtures.instanceBody(name)).post("/api/v1/instances")
                .then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body(Fixtures.instanceBody(name)).post("/api/v1/instances")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already exists"));
    }

    @Test
    void anUnknownInstanceIs404() {
        asAdmin().get("/api/v1/instances/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("No instance with id"));
    }

    @Test
    void policiesCanBeListedAndChanged() {
        asAdmin().get("/api/v1/policies").then().statusCode(200).body("name", hasItem("vdc"));
        String id = Fixtures.registerInstance();
        asAdmin().contentType(ContentType.JSON).body(Map.of("tier", "business-critical"))
                .put("/api/v1/instances/" + id + "/policy").then().statusCode(200)
                .body("policy", equalTo("business-critical"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("tier", "platinum"))
                .put("/api/v1/instances/" + id + "/policy").then().statusCode(400)
                .body("errors[0].field", equalTo("tier"));
    }

    @Test
    void deletedInstancesDisappear() {
        String id = Fixtures.registerInstance();
        asAdmin().delete("/api/v1/instances/" + id).then().statusCode(204);
        asAdmin().get("/api/v1/instances/" + id).then().statusCode(404);
    }
}
