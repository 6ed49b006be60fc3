package io.snapkeep.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server to run Snapkeep against: either a throwaway cluster of its own (started and stopped here) or
 * one that is already running (left alone).
 */
public final class PostgresServer {

    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration PSQL_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String superuser;
    private final String password;
    private final Optional<PostgresCluster> cluster;

    private PostgresServer(String host, int port, String superuser, String password, Optional<PostgresCluster> cluster) {
        this.host = host;
        this.port = port;
        this.superuser = superuser;
        this.password = password;
        this.cluster = cluster;
    }

    /**
     * A cluster of its own in {@code directory}, logging to {@code logFile}, on 127.0.0.1:{@code port}, created on
     * first start with {@code superuser} and {@code password}. TCP logins need that password (SCRAM).
     */
    public static PostgresServer throwaway(ClusterDirectory directory, Path logFile, int port, String superuser,
                                           String password) {
        return new PostgresServer(LOOPBACK, port, superuser, password,
                Optional.of(new PostgresCluster(directory, logFile, LOOPBACK, port, superuser, password)));
    }

    /** A server that is already running; {@link #start()} only checks the login, {@link #stop()} does nothing. */
    public static PostgresServer existing(String host, int port, String user, String password) {
        return new PostgresServer(host, port, user, password, Optional.empty());
    }

    /** Starts the throwaway cluster and waits until it accepts connections; checks the login of an existing one. */
    public void start() {
        cluster.ifPresentOrElse(PostgresCluster::start, () -> psql("postgres", "SELECT 1"));
    }

    /** Stops the throwaway cluster (fast shutdown) and releases its directory; leaves an existing server alone. */
    public void stop() {
        cluster.ifPresent(PostgresCluster::stop);
    }

    /** Where the throwaway cluster keeps its data and socket; empty for an existing server. */
    public Optional<Path> clusterDirectory() {
        return cluster.map(PostgresCluster::directory);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String superuser() {
        return superuser;
    }

    public String password() {
        return password;
    }

    /** {@code jdbc:postgresql://host:port/database}. */
    public String jdbcUrl(String database) {
        return "jdbc:" + reactiveUrl(database);
    }

    /** {@code postgresql://host:port/database}, the form of the Quarkus reactive client. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * Runs {@code sql} with psql (argument list, never a shell; password in the environment) and returns its output,
     * tuples only, unaligned ({@code |}-separated). Throws with psql's stderr when it fails.
     */
    public String psql(String database, String sql) {
        return Command.runChecked(List.of(PostgresBinaries.client("psql"), "-X", "-w", "-v", "ON_ERROR_STOP=1",
                        "--no-align", "--tuples-only", "-h", host, "-p", String.valueOf(port), "-U", superuser,
                        "-d", database, "-c", sql),
                Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "10"), PSQL_TIMEOUT);
    }

    /** Creates {@code name} (lower-case letters, digits, underscores) unless it exists. */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        if (psql("postgres", "SELECT 1 FROM pg_database WHERE datname = '" + name + "'").isBlank()) {
            psql("postgres", "CREATE DATABASE " + name);
        }
    }
}
