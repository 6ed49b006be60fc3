package io.snapkeep.scheduler.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.snapkeep.localstack.KafkaServer;
import io.snapkeep.localstack.Ports;
import io.snapkeep.messages.Topics;

/**
 * A real Kafka broker (the local stack's, alone: the scheduler needs no database and no store) and the fake
 * catalog, started once per test JVM.
 */
public class SchedulerTestResource implements QuarkusTestResourceLifecycleManager {
    private static KafkaServer kafka;
    private static FakeCatalog catalog;

    public static synchronized FakeCatalog catalog() {
        return catalog;
    }

    public static synchronized String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public synchronized Map<String, String> start() {
        if (kafka == null) {
            Path dir = Path.of("target", "kafka-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
            kafka = new KafkaServer(dir, Ports.freePort(), Ports.freePort());
            kafka.start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "kafka-shutdown"));
            createRequestTopic();
            catalog = FakeCatalog.start();
        }
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(), "snapkeep.catalog.url", catalog.url(),
                "snapkeep.catalog.token", FakeCatalog.TOKEN);
    }

    @Override
    public void stop() {
        // shared by the test classes of this JVM; the shutdown hook stops the broker
    }

    private static void createRequestTopic() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(Topics.SNAPSHOT_REQUESTS, 3, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + Topics.SNAPSHOT_REQUESTS, e);
        }
    }
}
