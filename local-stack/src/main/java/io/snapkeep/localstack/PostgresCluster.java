package io.snapkeep.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL cluster of its own in a {@link ClusterDirectory} (data and socket): created by initdb on first use,
 * run by the {@code postgres} OS user when this process is root (PostgreSQL refuses to run as root), with that
 * directory as the working directory of every program it runs. TCP logins need a SCRAM password.
 */
final class PostgresCluster {

    private static final String OS_USER = "postgres";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);

    private final ClusterDirectory directory;
    private final Path dir;
    private final Path logFile;
    private final String host;
    private final int port;
    private final String superuser;
    private final String password;
    private ChildProcess process;

    PostgresCluster(ClusterDirectory directory, Path logFile, String host, int port, String superuser,
                    String password) {
        this.directory = directory;
        this.dir = directory.path();
        this.logFile = logFile;
        this.host = host;
        this.port = port;
        this.superuser = superuser;
        this.password = password;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        createOwnedDirectory();
        if (!Files.exists(dataDir().resolve("PG_VERSION"))) {
            initdb();
        }
        process = ChildProcess.start("PostgreSQL on port " + port, asOwner(PostgresBinaries.server("postgres"),
                "-D", dataDir().toString(), "-p", String.valueOf(port), "-k", dir.toString(),
                "-c", "listen_addresses=" + host), Map.of(), logFile, dir);
        process.awaitReady(STARTUP_TIMEOUT, this::acceptsConnections);
    }

    /** Fast shutdown: open sessions are cut; then the directory is released (a fresh one is removed). */
    synchronized void stop() {
        if (process != null && process.isAlive()) {
            Command.runChecked(asOwner(PostgresBinaries.server("pg_ctl"), "stop", "-D", dataDir().toString(),
                    "-m", "fast", "-w"), Map.of(), SHUTDOWN_TIMEOUT, dir);
            process.awaitExit(SHUTDOWN_TIMEOUT);
        }
        process = null;
        directory.release();
    }

    Path directory() {
        return dir;
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    private boolean acceptsConnections() {
        return Command.run(List.of(PostgresBinaries.client("pg_isready"), "-q", "-h", host, "-p", String.valueOf(port)),
                Map.of(), COMMAND_TIMEOUT).exitCode() == 0;
    }

    private void initdb() {
        Path passwordFile = dir.resolve("initdb.pwfile");
        try {
            Files.writeString(passwordFile, password + "\n");
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            giveToOwner(passwordFile);
            Command.runChecked(asOwner(PostgresBinaries.server("initdb"), "-D", dataDir().toString(),
                    "--auth-local=trust", "--auth-host=scram-sha-256", "--username=" + superuser,
                    "--pwfile=" + passwordFile, "--encoding=UTF8", "--locale=C"), Map.of(), COMMAND_TIMEOUT, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + passwordFile, e);
        } finally {
            delete(passwordFile);
        }
    }

    private void createOwnedDirectory() {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            giveToOwner(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + dir, e);
        }
    }

    private static void giveToOwner(Path path) throws IOException {
        if (runningAsRoot()) {
            UserPrincipal owner = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
            Files.setOwner(path, owner);
        }
    }

    /** The command as given, run as the {@code postgres} OS user when this process is root. */
    private static List<String> asOwner(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        command.add(program);
        command.addAll(List.of(arguments));
        return command;
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }
}
