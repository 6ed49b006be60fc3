package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.snapkeep.localstack.quarkus.RealServersTestResource;

@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class PolicyApiTest {

    @Test
    void theTiersAreDescribedInFull() {
        asAdmin().get("/api/v1/policies").then().statusCode(200)
                .body("name", hasItems("free", "professional", "business-critical", "vdc", "custom"))
                .body("find { it.name == 'vdc' }.cron", equalTo("0 * * * *"))
                .body("find { it.name == 'vdc' }.zone", equalTo("UTC"))
                .body("find { it.name == 'vdc' }.keep.hourly", equalTo(168))
                .body("find { it.name == 'vdc' }.keep.daily", equalTo(60))
                .body("find { it.name == 'professional' }.keep.daily", equalTo(7))
                .body("find { it.name == 'business-critical' }.keep.hourly", equalTo(720))
                .body("find { it.name == 'free' }.cron", nullValue())
                .body("find { it.name == 'free' }.keep.keepLast", equalTo(1))
                .body("find { it.name == 'free' }.prunes", equalTo("snapshots of any origin"))
                .body("find { it.name == 'custom' }.schedule", containsString("cron"));
    }

    @Test
    void aTierOrACustomPolicyCanBeSet() {
        String id = Fixtures.registerInstance();
        put(id, Map.of("tier", "vdc")).statusCode(200).body("policy", equalTo("vdc")).body("custom", nullValue());
        put(id, Map.of("custom", Map.of("cron", "0 3 * * *", "keepLast", 3, "hourly", 24, "daily", 7, "weekly", 4,
                "monthly", 12))).statusCode(200)
                .body("policy", equalTo("custom")).body("custom.cron", equalTo("0 3 * * *"))
                .body("custom.keepLast", equalTo(3)).body("custom.monthly", equalTo(12));
        asAdmin().get("/api/v1/instances/" + id).then().body("custom.daily", equalTo(7));
        put(id, Map.of("custom", Map.of("cron", "30 */6 * * 1-5", "daily", 14))).statusCode(200)
                .body("custom.keepLast", equalTo(0)).body("custom.daily", equalTo(14));
        put(id, Map.of("tier", "free")).statusCode(200).body("policy", equalTo("free")).body("custom", nullValue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "every night", "0 3 * *", "0 24 * * *", "0 0 31 2 *" })
    void anInvalidCronIs400NamingIt(String cron) {
        put(Fixtures.registerInstance(), Map.of("custom", Map.of("cron", cron, "daily", 7))).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("custom.cron"))
                .body("detail", containsString(cron));
    }

    @ParameterizedTest
    @CsvSource({ "keepLast", "hourly", "daily", "weekly", "monthly" })
    void aNegativeCountIs400NamingIt(String count) {
        Map<String, Object> custom = new HashMap<>(Map.of("cron", "0 3 * * *", "daily", 7));
        custom.put(count, -1);
        put(Fixtures.registerInstance(), Map.of("custom", custom)).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("custom." + count))
                .body("detail", containsString("-1"));
    }

    @Test
    void aPolicyIsATierOrACustomOneAndKeepsSomething() {
        String id = Fixtures.registerInstance();
        put(id, Map.of()).statusCode(400).body("errors[0].field", equalTo("tier"));
        put(id, Map.of("tier", "vdc", "custom", Map.of("cron", "0 3 * * *", "daily", 7))).statusCode(400)
                .body("errors[0].field", equalTo("tier"));
        put(id, Map.of("custom", Map.of("cron", "0 3 * * *"))).statusCode(400)
                .body("errors[0].field", equalTo("custom.keepLast")).body("detail", containsString("keep something"));
        put(id, Map.of("tier", "custom")).statusCode(400).body("errors[0].field", equalTo("tier"));
        asAdmin().get("/api/v1/instances/" + id).then().body("policy", equalTo("professional"));
    }

    private static ValidatableResponse put(String id, Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).put("/api/v1/instances/" + id + "/policy").then();
    }
}
