package io.snapkeep.dumpworker.pg;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.worker.pg.PgConnection;
import io.snapkeep.worker.pg.PgInstall;
import io.snapkeep.worker.pg.PgInstallations;
import io.snapkeep.worker.pg.PgVersion;

/** Finds the {@code pg_dump} to use for a server: asks the server its version, then picks among the installations. */
@ApplicationScoped
public class PgDumpLocator {
    private final PgInstallations installations;
    private final ServerVersionProbe probe;

    PgDumpLocator(PgInstallations installations, ServerVersionProbe probe) {
        this.installations = installations;
        this.probe = probe;
    }

    public PgDumpTarget locate(PgConnection connection) {
        List<PgInstall> installs = installations.discover();
        PgVersion server = probe.serverVersion(PgToolChooser.newestPsql(installs), connection);
        return new PgDumpTarget(server, PgToolChooser.pgDumpFor(server, installs));
    }

    /** The server's version and the installation whose {@code pg_dump} fits it. */
    public record PgDumpTarget(PgVersion server, PgInstall tool) {
    }
}
