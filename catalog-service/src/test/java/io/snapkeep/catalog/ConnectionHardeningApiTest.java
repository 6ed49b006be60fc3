package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.Topics;

/** What a connection may hold (host, names, sslmode, root certificate), and how its TLS settings reach the jobs. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class ConnectionHardeningApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CA = resource("/tls/test-ca.pem");

    @ParameterizedTest
    @ValueSource(strings = { "db/x", "db?sslmode=disable", "host=evil dbname=other", "user@db", "db:5432",
            "/var/run/postgresql", "db example", "[::1]", "db\u0000x", "256.1.1.1" })
    void aHostThatIsNotANameOrAnAddressIsRefusedNamingTheField(String host) {
        register(connection(Map.of("host", host))).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("connection.host"));
    }

    @Test
    void ipv6LiteralsAreHosts() {
        register(connection(Map.of("host", "::1"))).then().statusCode(201).body("connection.host", equalTo("::1"));
    }

    @Test
    void databaseAndRoleNamesKeepToPostgresLimits() {
        register(connection(Map.of("database", "d".repeat(64)))).then().statusCode(400)
                .body("errors[0].field", equalTo("connection.database")).body("detail", containsString("63 bytes"));
        register(connection(Map.of("username", "app\u0000"))).then().statusCode(400)
                .body("errors[0].field", equalTo("connection.username"));
        register(connection(Map.of("database", "\u00e9".repeat(32)))).then().statusCode(400)
                .body("errors[0].field", equalTo("connection.database"));
    }

    @Test
    void sslmodesAreLibpqsAndVerifyingOnesNeedARootCertificate() {
        register(connection(Map.of("sslmode", "strict"))).then().statusCode(400)
                .body("errors[0].field", equalTo("connection.sslmode"));
        for (String mode : new String[] { "verify-ca", "verify-full" }) {
            register(connection(Map.of("sslmode", mode))).then().statusCode(400)
                    .body("errors[0].field", equalTo("connection.sslRootCert"));
        }
        for (String mode : new String[] { "disable", "allow", "prefer", "require" }) {
            register(connection(Map.of("sslmode", mode))).then().statusCode(201)
                    .body("connection.sslRootCert", nullValue());
        }
    }

    @Test
    void aRootCertificateMustBePemX509() {
        for (String bad : new String[] { "not a certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                CA.replace("CERTIFICATE", "PRIVATE KEY") }) {
            register(connection(Map.of("sslmode", "verify-ca", "sslRootCert", bad))).then().statusCode(400)
                    .body("errors[0].field", equalTo("connection.sslRootCert"));
        }
    }

    @Test
    void theRootCertificateIsShownBackAndTravelsWithTheDumpJob() throws Exception {
        String id = register(connection(Map.of("sslmode", "verify-full", "sslRootCert", CA))).then().statusCode(201)
                .body("connection.sslmode", equalTo("verify-full")).body("connection.sslRootCert", equalTo(CA))
                .extract().path("id");
        asAdmin().get("/api/v1/instances/" + id).then().body("connection.sslRootCert", equalTo(CA));

        String jobId = Fixtures.startSnapshot(id)[1];
        String message = KafkaTopics.await(Topics.DUMP_JOBS, r -> r.value().contains(jobId), 1).get(0).value();
        JsonNode connection = JSON.readTree(message).get("connection");
        assertEquals("verify-full", connection.get("sslmode").asText());
        assertEquals(CA, connection.get("sslRootCert").asText());
        assertFalse(message.contains(Fixtures.PASSWORD));
    }

    @Test
    void aNewInstanceTargetIsCheckedLikeARegistration() {
        String snapshotId = Fixtures.completedSnapshot(Fixtures.registerInstance());
        newInstance(snapshotId, Map.of("host", "db.example/other")).then().statusCode(400)
                .body("errors[0].field", equalTo("connection.host"));
        newInstance(snapshotId, Map.of("sslmode", "verify-ca")).then().statusCode(400)
                .body("errors[0].field", equalTo("connection.sslRootCert"));
    }

    @Test
    void anUnreachableNewInstanceServerIsOneSentenceWithoutThePassword() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String snapshotId = Fixtures.completedSnapshot(Fixtures.registerInstance());
        newInstance(snapshotId, Map.of("host", "127.0.0.1", "port", closed)).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("connection"))
                .body("detail", equalTo("Could not connect to 127.0.0.1:" + closed + ": connection refused. Check the"
                        + " host, port and that the server accepts connections from the catalog."))
                .body(not(containsString(Fixtures.PASSWORD)));
    }

    @Test
    void restoreJobsSayWhetherTheArchiveIsUntrustedAndWhetherASuperuserMayRestoreIt() throws Exception {
        String dumped = Fixtures.completedSnapshot(Fixtures.registerInstance());
        JsonNode options = restoreOptions(dumped, Map.of("confirm", "RESTORE", "allowSuperuser", true));
        assertFalse(options.get("untrustedArchive").asBoolean());
        assertTrue(options.get("allowSuperuser").asBoolean());

        String uploaded = UploadApiTest.upload(Fixtures.registerInstance(), plainDump()).path("id");
        options = restoreOptions(uploaded, Map.of("confirm", "RESTORE"));
        assertTrue(options.get("untrustedArchive").asBoolean());
        assertFalse(options.get("allowSuperuser").asBoolean());
    }

    private static JsonNode restoreOptions(String snapshotId, Map<String, Object> body) throws Exception {
        String jobId = asAdmin().contentType(ContentType.JSON).body(body)
                .post("/api/v1/snapshots/" + snapshotId + "/restore").then().statusCode(202).extract().path("id");
        String message = KafkaTopics.await(Topics.RESTORE_JOBS, r -> r.value().contains(jobId), 1).get(0).value();
        return JSON.readTree(message).get("options");
    }

    /** The smallest file the catalog takes as a whole plain pg_dump. */
    private static byte[] plainDump() {
        return """
                --
                -- PostgreSQL database dump
                --

                -- Dumped from database version 15.4
                -- Dumped by pg_dump version 15.4

                SET statement_timeout = 0;

                --
                -- PostgreSQL database dump complete
                --

                """.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> connection(Map<String, Object> changes) {
        Map<String, Object> connection = new HashMap<>(Map.of("host", "127.0.0.1", "port", 5432, "database", "app",
                "username", "app", "password", Fixtures.PASSWORD, "sslmode", "disable"));
        connection.putAll(changes);
        return connection;
    }

    private static Response register(Map<String, Object> connection) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("name", "tls-" + UUID.randomUUID(), "engine",
                "postgresql", "connection", connection)).post("/api/v1/instances");
    }

    private static Response newInstance(String snapshotId, Map<String, Object> changes) {
        Map<String, Object> connection = connection(Map.of("database", "new_" + UUID.randomUUID().toString()
                .substring(0, 8)));
        connection.putAll(changes);
        return asAdmin().contentType(ContentType.JSON).body(Map.of("name", "new-" + UUID.randomUUID(), "connection",
                connection)).post("/api/v1/snapshots/" + snapshotId + "/instances");
    }

    private static String resource(String name) {
        try (InputStream in = ConnectionHardeningApiTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
