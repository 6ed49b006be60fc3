package io.snapkeep.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * S3Proxy on loopback with a filesystem backend: an S3-compatible endpoint that checks AWS v2/v4 signatures made
 * with the given keys. Clients use path-style access.
 */
public final class S3Server {

    private static final String HOST = "127.0.0.1";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final Path dataDir;
    private final int port;
    private final String accessKey;
    private final String secretKey;
    private ChildProcess process;

    public S3Server(Path dataDir, int port, String accessKey, String secretKey) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts S3Proxy and waits until its port accepts connections. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path properties = writeConfiguration();
        process = ChildProcess.start("S3Proxy on port " + port,
                List.of(JavaCommand.executable(), "-Xmx256m", "-Djava.awt.headless=true",
                        "-jar", JavaCommand.classpath("s3proxy.classpath"), "--properties", properties.toString()),
                Map.of(), dataDir.resolve("s3proxy.log"));
        process.awaitReady(STARTUP_TIMEOUT, () -> Ports.isOpen(HOST, port));
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(SHUTDOWN_GRACE);
            process = null;
        }
    }

    /** Makes sure a bucket exists; with the filesystem backend a bucket is a directory under the base directory. */
    public void createBucket(String bucket) {
        Path directory = blobDir().resolve(bucket);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create bucket directory " + directory, e);
        }
    }

    /** The process id of the running S3Proxy (for tests that pause it). */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("S3Proxy is not running");
        }
        return process.pid();
    }

    public int port() {
        return port;
    }

    /** The endpoint URL, e.g. {@code http://127.0.0.1:19000}. */
    public String endpoint() {
        return "http://" + HOST + ":" + port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    private Path blobDir() {
        return dataDir.resolve("blobs");
    }

    private Path writeConfiguration() {
        String properties = String.join("\n",
                "s3proxy.endpoint=" + endpoint(),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + accessKey,
                "s3proxy.credential=" + secretKey,
                "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + blobDir(),
                "jclouds.identity=" + accessKey,
                "jclouds.credential=" + secretKey,
                "");
        Path file = dataDir.resolve("s3proxy.properties");
        try {
            Files.createDirectories(blobDir());
            Files.writeString(file, properties);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
