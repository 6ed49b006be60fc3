package io.snapkeep.dumpworker.pg;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.worker.pg.PgConnection;
import io.snapkeep.worker.pg.PgEnvironment;
import io.snapkeep.worker.pg.PgInstall;
import io.snapkeep.worker.pg.PgProcess;
import io.snapkeep.worker.pg.PgVersion;

/** Asks a server its version with {@code psql}; this is also where a wrong password or database shows first. */
@ApplicationScoped
public class ServerVersionProbe {
    private final PgEnvironment client;

    ServerVersionProbe(PgEnvironment client) {
        this.client = client;
    }

    public PgVersion serverVersion(PgInstall psql, PgConnection connection) {
        List<String> command = List.of(psql.psql().toString(), "-X", "-w", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1",
                "-c", "SHOW server_version");
        String out = PgProcess.run(command, env -> client.apply(env, connection),
                client.connectTimeout().plusSeconds(30), "could not read the server version of " + connection);
        return PgVersion.parse(out);
    }
}
