package io.snapkeep.worker.pg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A job's PEM root certificate as the file libpq ({@code PGSSLROOTCERT}) and the JDBC driver ({@code sslrootcert})
 * read: readable by the worker's user only, deleted when the job ends. Without a certificate there is no file and
 * {@link #path()} is null.
 */
public final class RootCertFile implements AutoCloseable {
    private final Path path;

    private RootCertFile(Path path) {
        this.path = path;
    }

    /** Writes {@code pem} (may be null) to a new file of mode 0600 in the temporary directory. */
    public static RootCertFile write(String pem) throws IOException {
        if (pem == null || pem.isBlank()) {
            return new RootCertFile(null);
        }
        Path file = Files.createTempFile("snapkeep-root-", ".crt",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new RootCertFile(file);
    }

    /** The file, or null when the job has no root certificate. */
    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (path != null) {
            Files.deleteIfExists(path);
        }
    }
}
