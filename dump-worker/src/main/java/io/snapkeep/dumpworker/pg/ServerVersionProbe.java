package io.snapkeep.dumpworker.pg;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.dumpworker.config.DumpWorkerConfig;

/** Asks a server its version with {@code psql}; this is also where a wrong password or database shows first. */
@ApplicationScoped
public class ServerVersionProbe {
    private final Duration connectTimeout;

    ServerVersionProbe(DumpWorkerConfig config) {
        this.connectTimeout = config.dump().connectTimeout();
    }

    public PgVersion serverVersion(PgInstall psql, PgConnection connection) {
        List<String> command = List.of(psql.psql().toString(), "-X", "-w", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1",
                "-c", "SHOW server_version");
        String out = PgProcess.run(command, env -> PgEnvironment.apply(env, connection, connectTimeout),
                connectTimeout.plusSeconds(30), "could not read the server version of " + connection);
        return PgVersion.parse(out);
    }
}
