package io.snapkeep.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.rest.dto.ConnectionRequest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

/**
 * Asks a PostgreSQL server whether a database exists, with the credentials the user gave, before a restore may
 * create it: Snapkeep never writes into a database it did not create.
 */
@ApplicationScoped
public class DatabaseProbe {
    private static final String MAINTENANCE_DATABASE = "postgres";

    private final Vertx vertx;

    public DatabaseProbe(Vertx vertx) {
        this.vertx = vertx;
    }

    public Uni<Boolean> exists(ConnectionRequest connection, String sslmode) {
        PgConnectOptions options = new PgConnectOptions().setHost(connection.host())
                .setPort(connection.port() == null ? 5432 : connection.port()).setDatabase(MAINTENANCE_DATABASE)
                .setUser(connection.username()).setPassword(connection.password() == null ? "" : connection.password())
                .setSslMode(SslMode.of(sslmode)).setConnectTimeout(10_000);
        if (options.getSslMode() == SslMode.REQUIRE) {
            options.setTrustAll(true);
        }
        return PgConnection.connect(vertx, options)
                .onFailure().transform(e -> CatalogException.unprocessable("connection",
                        "Could not connect to " + connection.host() + ":" + options.getPort() + " as "
                                + connection.username() + " to check that database " + connection.database()
                                + " does not exist yet: " + e.getMessage()))
                .chain(pg -> pg.preparedQuery("select 1 from pg_database where datname = $1")
                        .execute(Tuple.of(connection.database()))
                        .map(rows -> rows.size() > 0)
                        .eventually(pg::close));
    }
}
