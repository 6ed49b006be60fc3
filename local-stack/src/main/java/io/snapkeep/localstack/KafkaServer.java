package io.snapkeep.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A single-node Kafka (KRaft, broker and controller in one JVM) on loopback. Data, configuration and log live in
 * one directory; stopping and starting again keeps the topics and committed offsets.
 */
public final class KafkaServer {

    private static final String HOST = "127.0.0.1";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private ChildProcess process;

    public KafkaServer(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats the storage on first use, starts the broker and waits until it serves metadata requests. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path serverProperties = writeConfiguration();
        Path logConfig = copyLogConfiguration();
        if (!Files.exists(logDir().resolve("meta.properties"))) {
            Command.runChecked(java(logConfig, "kafka.tools.StorageTool", "format", "--standalone",
                    "-t", newClusterId(), "-c", serverProperties.toString()), Map.of(), FORMAT_TIMEOUT);
        }
        process = ChildProcess.start("Kafka on port " + port,
                java(logConfig, "kafka.Kafka", serverProperties.toString()), Map.of(), dataDir.resolve("kafka.log"));
        process.awaitReady(STARTUP_TIMEOUT, () -> KafkaProbe.brokerReady(HOST, port));
    }

    /** Shuts the broker down (SIGTERM, then SIGKILL after a grace period); the data stays. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(SHUTDOWN_GRACE);
            process = null;
        }
    }

    public int port() {
        return port;
    }

    /** The broker's process id (for tests that pause it with SIGSTOP); fails when it is not running. */
    public synchronized long pid() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("Kafka on port " + port + " is not running");
        }
        return process.pid();
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    private Path logDir() {
        return dataDir.resolve("data");
    }

    private List<String> java(Path logConfig, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(JavaCommand.executable(), "-Xmx256m",
                "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + logConfig,
                "-cp", JavaCommand.classpath("kafka.classpath"), mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    private Path writeConfiguration() {
        String listener = "PLAINTEXT://" + HOST + ":" + port;
        String controller = "CONTROLLER://" + HOST + ":" + controllerPort;
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=" + listener + "," + controller,
                "advertised.listeners=" + listener + "," + controller,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "controller.quorum.bootstrap.servers=" + HOST + ":" + controllerPort,
                "log.dirs=" + logDir(),
                "num.partitions=4",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=4",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=8388608",
                "");
        Path file = dataDir.resolve("server.properties");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(file, properties);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private Path copyLogConfiguration() {
        Path file = dataDir.resolve("log4j2.properties");
        try (InputStream in = KafkaServer.class.getResourceAsStream("kafka-log4j2.properties")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe Base64 without padding, not starting with '-'. */
    private static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
