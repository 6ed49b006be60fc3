package io.snapkeep.worker.pg;

import java.nio.file.Path;

import io.snapkeep.messages.ConnectionSpec;

/**
 * Where and as whom the tools connect, with the opened password; {@link #toString()} never shows it.
 * {@code sslRootCert} is the file holding the job's root certificate ({@link RootCertFile}), or null.
 */
public record PgConnection(String host, int port, String database, String username, String sslmode,
        String password, Path sslRootCert) {

    public static PgConnection of(ConnectionSpec spec, String password, Path sslRootCert) {
        return new PgConnection(spec.host(), spec.port(), spec.database(), spec.username(), spec.sslmode(), password,
                sslRootCert);
    }

    /** The same server and login, another database. */
    public PgConnection withDatabase(String other) {
        return new PgConnection(host, port, other, username, sslmode, password, sslRootCert);
    }

    @Override
    public String toString() {
        return username + "@" + host + ":" + port + "/" + database + " (sslmode " + sslmode + ")";
    }
}
