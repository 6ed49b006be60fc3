package io.snapkeep.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Instance;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

/**
 * Asks a PostgreSQL server whether a database exists, with the credentials the user gave, before a restore may
 * create it: Snapkeep never writes into a database it did not create. TLS as libpq does it: the root certificate,
 * when given, is the only trust for require, verify-ca and verify-full, and verify-full also checks the host name.
 * A failure is one sentence ({@link ProbeFailures}), never the driver's text.
 */
@ApplicationScoped
public class DatabaseProbe {
    private static final String MAINTENANCE_DATABASE = "postgres";
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final Vertx vertx;

    public DatabaseProbe(Vertx vertx) {
        this.vertx = vertx;
    }

    /** @param target the checked connection; {@code databaseName} is the one looked for */
    public Uni<Boolean> exists(Instance target, String password) {
        PgConnectOptions options = new PgConnectOptions().setHost(target.host).setPort(target.port)
                .setDatabase(MAINTENANCE_DATABASE).setUser(target.username).setPassword(password == null ? "" : password)
                .setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        tls(options, target.sslmode, target.sslRootCert);
        return PgConnection.connect(vertx, options)
                .chain(pg -> pg.preparedQuery("select 1 from pg_database where datname = $1")
                        .execute(Tuple.of(target.databaseName))
                        .map(rows -> rows.size() > 0)
                        .eventually(pg::close))
                .onFailure().transform(e -> ProbeFailures.of(e, target));
    }

    private static void tls(PgConnectOptions options, String sslmode, String rootCert) {
        SslMode mode = SslMode.of(sslmode);
        options.setSslMode(mode);
        boolean verifies = rootCert != null && mode != SslMode.ALLOW && mode != SslMode.PREFER;
        if (verifies) {
            options.setPemTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(rootCert)));
            options.setHostnameVerificationAlgorithm(mode == SslMode.VERIFY_FULL ? "HTTPS" : "");
        } else if (mode != SslMode.DISABLE) {
            options.setTrustAll(true);
        }
    }
}
