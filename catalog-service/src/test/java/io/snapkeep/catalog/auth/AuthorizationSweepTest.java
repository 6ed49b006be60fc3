package io.snapkeep.catalog.auth;

import static io.restassured.RestAssured.given;
import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.snapkeep.catalog.Tokens;
import io.snapkeep.localstack.quarkus.RealServersTestResource;

/**
 * Every operation of the OpenAPI document, so that no endpoint can be forgotten: without a principal each one is
 * refused with 401 problem JSON, and with a viewer token each state-changing one (and the export) with 403 naming
 * the role it needs.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class AuthorizationSweepTest {
    /** The sign-in and sign-out need no principal: they make and end one. */
    private static final Set<String> OPEN = Set.of("/api/v1/login", "/api/v1/logout");
    private static final Set<String> READS = Set.of("get", "head");

    @Test
    void everyOperationWithoutAPrincipalIsRefusedWith401() {
        List<String[]> operations = operations();
        assertTrue(operations.size() >= 25, "the document lists the API: " + operations.size());
        for (String[] op : operations) {
            if (OPEN.contains(op[1])) {
                continue;
            }
            Response response = call(given(), op[0], op[1]);
            String what = op[0] + " " + op[1];
            response.then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
            if (!op[0].equals("head")) {
                response.then().contentType("application/problem+json")
                        .body("status", equalTo(401)).body("detail", containsString("Authorization: Bearer"));
            }
            assertTrue(response.statusCode() == 401, what);
        }
    }

    @Test
    void aViewerIsRefusedEveryChangeAndTheExportWith403NamingTheRole() {
        String viewer = TestTokens.create("viewer");
        int refused = 0;
        for (String[] op : operations()) {
            boolean export = op[1].endsWith("/content");
            if (OPEN.contains(op[1]) || READS.contains(op[0]) && !export) {
                continue;
            }
            Response response = call(Tokens.with(viewer), op[0], op[1]);
            assertTrue(response.statusCode() == 403, op[0] + " " + op[1] + " answered " + response.statusCode());
            if (!op[0].equals("head")) {
                String detail = response.then().contentType("application/problem+json").extract().path("detail");
                assertTrue(detail.matches("This call needs the (operator|admin) role.*"),
                        op[0] + " " + op[1] + ": " + detail);
            }
            refused++;
        }
        assertTrue(refused >= 15, "state-changing operations checked: " + refused);
    }

    @Test
    void aViewerReadsMetadata() {
        String viewer = TestTokens.create("viewer");
        Tokens.with(viewer).get("/api/v1/instances").then().statusCode(200);
        Tokens.with(viewer).get("/api/v1/snapshots").then().statusCode(200);
        Tokens.with(viewer).get("/api/v1/jobs").then().statusCode(200);
        Tokens.with(viewer).get("/api/v1/policies").then().statusCode(200);
        Tokens.with(viewer).get("/api/v1/tokens/self").then().statusCode(200).body("role", equalTo("viewer"));
        Tokens.with(viewer).get("/api/v1/audit").then().statusCode(403)
                .body("detail", containsString("needs the admin role"));
    }

    @Test
    void probesAreOpenButMetricsAndTheDocumentNeedAViewer() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(401);
        Tokens.with(TestTokens.create("viewer")).get("/q/metrics").then().statusCode(200);
    }

    @Test
    void anUnknownOrMalformedTokenIsRefused() {
        Tokens.with("snk_" + "x".repeat(43)).get("/api/v1/instances").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("not known"));
        given().auth().preemptive().basic("admin", "admin").get("/api/v1/instances").then().statusCode(401);
    }

    /** Each operation as {method, path}, from the catalog's own OpenAPI document. */
    private static List<String[]> operations() {
        JsonPath doc = asAdmin().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String[]> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> Set.of("get", "head", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> operations.add(new String[] { m, path })));
        return operations;
    }

    private static Response call(RequestSpecification request, String method, String path) {
        String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        return request.contentType("application/json").body("{}").request(method.toUpperCase(), concrete);
    }
}
