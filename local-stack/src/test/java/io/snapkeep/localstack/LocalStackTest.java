package io.snapkeep.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.startProcessesForTests();
    }

    @Test
    void kafkaAcceptsConnections() {
        assertTrue(Ports.isOpen("127.0.0.1", stack.kafka().port()));
    }

    @Test
    void s3AnswersWithAnS3XmlDocument() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.s3().endpoint() + "/" + stack.bucket())).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertTrue(response.body().startsWith("<?xml"), response.body());
        assertTrue(response.body().contains("<Error>") || response.body().contains("<ListBucketResult"),
                response.body());
    }

    @Test
    void postgresNeedsTheRightPasswordOverTcp() {
        PostgresServer postgres = stack.postgres();

        IllegalStateException wrongPassword = assertThrows(IllegalStateException.class,
                () -> as(postgres, "not-the-password").psql("postgres", "SELECT 1"));
        IllegalStateException noPassword = assertThrows(IllegalStateException.class,
                () -> as(postgres, "").psql("postgres", "SELECT 1"));

        assertTrue(wrongPassword.getMessage().contains("password authentication failed"), wrongPassword.getMessage());
        assertTrue(noPassword.getMessage().contains("password authentication failed")
                || noPassword.getMessage().contains("no password supplied"), noPassword.getMessage());
        assertEquals("1", postgres.psql(LocalStack.CATALOG_DATABASE, "SELECT 1").strip());
    }

    @Test
    void kafkaComesBackOnTheSamePortAfterAStop() {
        KafkaServer kafka = stack.kafka();

        kafka.stop();
        assertTrue(!Ports.isOpen("127.0.0.1", kafka.port()), "port still open after stop");
        kafka.start();

        assertTrue(KafkaProbe.brokerReady("127.0.0.1", kafka.port()));
    }

    /** As in a clone under a home directory of mode 0700: the cluster and its log must not need the checkout. */
    @Test
    void aThrowawayClusterRunsWhenItsHomeIsUnderAPrivateDirectory(@TempDir Path privateParent) throws IOException {
        Path home = privateParent.resolve("checkout/.local");
        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.getParent().getParent())));
        ClusterDirectory directory = ClusterDirectory.fresh();
        PostgresServer postgres = PostgresServer.throwaway(directory, home.resolve("logs/postgres.log"),
                Ports.freePort(), "snapkeep", Secrets.token());

        postgres.start();
        try {
            assertEquals("1", postgres.psql("postgres", "SELECT 1").strip());
        } finally {
            postgres.stop();
        }

        assertFalse(Files.exists(directory.path()), "the fresh cluster directory is removed at stop");
        assertTrue(Files.size(home.resolve("logs/postgres.log")) > 0);
    }

    private static PostgresServer as(PostgresServer server, String password) {
        return PostgresServer.existing(server.host(), server.port(), server.superuser(), password);
    }
}
