package io.snapkeep.restoreworker.restore;

import org.jboss.logging.Logger;

import io.snapkeep.restoreworker.RestoreFailure;
import io.snapkeep.worker.pg.PgVersion;

/** A dump restores into a server of the same or a newer major version, never an older one. */
final class VersionCheck {
    private static final Logger LOG = Logger.getLogger(VersionCheck.class);

    private VersionCheck() {
    }

    /** @param source the version the snapshot was dumped from, or null when unknown */
    static void requireRestorable(String source, PgVersion target) {
        if (source == null || source.isBlank()) {
            return;
        }
        PgVersion dumped;
        try {
            dumped = PgVersion.parse(source);
        } catch (IllegalArgumentException e) {
            LOG.warnf("ignoring the snapshot's source server version '%s': %s", source, e.getMessage());
            return;
        }
        if (dumped.series() > target.series()) {
            throw new RestoreFailure("the snapshot was dumped from PostgreSQL " + dumped.number()
                    + " and the target server runs PostgreSQL " + target.number()
                    + ", an older major version: a dump cannot be restored into an older major version. Restore it"
                    + " to a server of PostgreSQL " + dumped.major() + " or newer; nothing was changed");
        }
    }
}
