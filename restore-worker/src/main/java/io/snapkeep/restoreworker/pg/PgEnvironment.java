package io.snapkeep.restoreworker.pg;

import java.time.Duration;
import java.util.Map;

/**
 * The environment of a {@code pg_restore} or {@code psql} child: the connection goes there, the password included, so
 * that nothing secret is ever on a command line. Inherited {@code PG*} variables are dropped first, so the worker's
 * own environment cannot redirect a restore.
 */
public final class PgEnvironment {
    public static final String APPLICATION_NAME = "snapkeep-restore-worker";

    private PgEnvironment() {
    }

    public static void clear(Map<String, String> env) {
        env.keySet().removeIf(name -> name.startsWith("PG"));
    }

    public static void apply(Map<String, String> env, PgConnection connection, Duration connectTimeout) {
        clear(env);
        env.put("PGHOST", connection.host());
        env.put("PGPORT", Integer.toString(connection.port()));
        env.put("PGUSER", connection.username());
        env.put("PGDATABASE", connection.database());
        env.put("PGCONNECT_TIMEOUT", Long.toString(Math.max(2, connectTimeout.toSeconds())));
        env.put("PGAPPNAME", APPLICATION_NAME);
        if (connection.sslmode() != null && !connection.sslmode().isBlank()) {
            env.put("PGSSLMODE", connection.sslmode());
        }
        if (connection.password() != null) {
            env.put("PGPASSWORD", connection.password());
        }
    }
}
