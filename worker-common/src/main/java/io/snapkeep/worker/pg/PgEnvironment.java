package io.snapkeep.worker.pg;

import java.time.Duration;
import java.util.Map;

import io.snapkeep.messages.ChildEnvironment;

/**
 * How the worker's PostgreSQL clients connect: its {@code applicationName} (what {@code pg_stat_activity} shows) and
 * {@code connectTimeout}. A tool child gets the connection in its environment, the password included ({@code
 * PGPASSWORD}), so that nothing secret is ever on a command line. The environment is built from nothing ({@link
 * ChildEnvironment}): the worker's own variables (store credentials, keys, {@code PG*}) neither reach the tool nor
 * redirect a job.
 */
public record PgEnvironment(String applicationName, Duration connectTimeout) {

    public void apply(Map<String, String> env, PgConnection connection) {
        ChildEnvironment.reduce(env);
        env.put("PGHOST", connection.host());
        env.put("PGPORT", Integer.toString(connection.port()));
        env.put("PGUSER", connection.username());
        env.put("PGDATABASE", connection.database());
        env.put("PGCONNECT_TIMEOUT", Long.toString(Math.max(2, connectTimeout.toSeconds())));
        env.put("PGAPPNAME", applicationName);
        if (connection.sslmode() != null && !connection.sslmode().isBlank()) {
            env.put("PGSSLMODE", connection.sslmode());
        }
        if (connection.sslRootCert() != null) {
            env.put("PGSSLROOTCERT", connection.sslRootCert().toString());
        }
        if (connection.password() != null) {
            env.put("PGPASSWORD", connection.password());
        }
    }
}
