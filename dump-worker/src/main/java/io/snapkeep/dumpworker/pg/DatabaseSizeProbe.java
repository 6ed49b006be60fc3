package io.snapkeep.dumpworker.pg;

import java.util.List;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.snapkeep.worker.pg.PgConnection;
import io.snapkeep.worker.pg.PgEnvironment;
import io.snapkeep.worker.pg.PgInstall;
import io.snapkeep.worker.pg.PgProcess;

/**
 * Asks a server with {@code psql} how large the database is on disk ({@code pg_database_size}), what a dump expects to
 * move in all. Only an estimate: empty when the server does not say, and the dump goes on without it.
 */
@ApplicationScoped
public class DatabaseSizeProbe {
    private static final Logger LOG = Logger.getLogger(DatabaseSizeProbe.class);

    private final PgEnvironment client;

    DatabaseSizeProbe(PgEnvironment client) {
        this.client = client;
    }

    public OptionalLong size(PgInstall psql, PgConnection connection) {
        List<String> command = List.of(psql.psql().toString(), "-X", "-w", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1",
                "-c", "SELECT pg_database_size(current_database())");
        try {
            String out = PgProcess.run(command, env -> client.apply(env, connection),
                    client.connectTimeout().plusSeconds(30), "could not read the size of " + connection);
            return OptionalLong.of(Long.parseLong(out.strip()));
        } catch (RuntimeException e) {
            LOG.debugf("the size of %s is unknown, the dump goes on without it: %s", connection, e.getMessage());
            return OptionalLong.empty();
        }
    }
}
