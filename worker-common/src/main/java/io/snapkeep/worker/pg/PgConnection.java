package io.snapkeep.worker.pg;

import io.snapkeep.messages.ConnectionSpec;

/** Where and as whom the tools connect, with the opened password; {@link #toString()} never shows it. */
public record PgConnection(String host, int port, String database, String username, String sslmode,
        String password) {

    public static PgConnection of(ConnectionSpec spec, String password) {
        return new PgConnection(spec.host(), spec.port(), spec.database(), spec.username(), spec.sslmode(), password);
    }

    /** The same server and login, another database. */
    public PgConnection withDatabase(String other) {
        return new PgConnection(host, port, other, username, sslmode, password);
    }

    @Override
    public String toString() {
        return username + "@" + host + ":" + port + "/" + database + " (sslmode " + sslmode + ")";
    }
}
