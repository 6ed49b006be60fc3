package io.snapkeep.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** One built Snapkeep service running as its own JVM ({@code quarkus-run.jar}), its output in a log file. */
public final class ServiceProcess {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /**
     * The serial collector with a small fixed young generation: the services keep little live data but allocate fast
     * while they move archives, and G1 then grew the heap towards -Xmx (bench/: dump-worker peak RSS 280-307 MB with
     * G1, 208-227 MB with these flags, snapshot time unchanged).
     */
    private static final List<String> GC_FLAGS = List.of("-XX:+UseSerialGC", "-Xmn16m");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    private final ServiceSpec spec;
    private final ChildProcess process;

    private ServiceProcess(ServiceSpec spec, ChildProcess process) {
        this.spec = spec;
        this.process = process;
    }

    /**
     * Starts {@code <repoRoot>/<module>/target/quarkus-app/quarkus-run.jar} with {@code -Xmx<heap>} (e.g.
     * {@code "256m"}) and the spec's environment, logging to {@code <logDir>/<module>.log}, and waits until
     * {@code /q/health/ready} answers 200. On failure the process is killed and the exception carries the log's end.
     */
    public static ServiceProcess start(Path repoRoot, ServiceSpec spec, Path logDir, String heap) {
        Path jar = repoRoot.resolve(spec.module()).resolve("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the project first (./mvnw -DskipTests install)");
        }
        ChildProcess process = ChildProcess.start(spec.module() + " on port " + spec.port(),
                Stream.of(List.of(JavaCommand.executable(), "-Xmx" + heap), GC_FLAGS, List.of("-jar", jar.toString()))
                        .flatMap(List::stream).toList(),
                spec.environment(), logDir.resolve(spec.module() + ".log"));
        process.awaitReady(STARTUP_TIMEOUT, () -> isReady(spec.port()));
        return new ServiceProcess(spec, process);
    }

    public ServiceSpec spec() {
        return spec;
    }

    public int port() {
        return spec.port();
    }

    /** The operating-system process id (e.g. to read its resident memory). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** Graceful stop: SIGTERM, then SIGKILL when it has not exited within 30 s. */
    public void stop() {
        process.stop(SHUTDOWN_GRACE);
    }

    /** SIGKILL, as a crash would. */
    public void kill() {
        process.kill();
    }

    private static boolean isReady(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(PROBE_TIMEOUT)
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while probing port " + port, e);
        }
    }
}
