package io.snapkeep.restoreworker.sql;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.logging.Logger;

/** Creating, dropping and closing databases through a {@link MaintenanceSession}. */
public final class DatabaseAdmin {
    private static final Logger LOG = Logger.getLogger(DatabaseAdmin.class);
    private static final int FIRST_SERIES_WITH_DROP_FORCE = 1300;

    private final MaintenanceSession session;

    public DatabaseAdmin(MaintenanceSession session) {
        this.session = session;
    }

    /** An empty database from template0 with the server's defaults; fails when the name is taken. */
    public void create(String name) throws SQLException {
        session.execute("CREATE DATABASE " + Sql.identifier(name) + " WITH TEMPLATE template0");
    }

    /** An empty database with the owner, encoding, locale, tablespace and connection limit of {@code like}. */
    public void createLike(String name, DatabaseInfo like) throws SQLException {
        session.execute("CREATE DATABASE " + Sql.identifier(name) + " WITH " + like.createOptions());
    }

    /** Drops {@code name} if it exists, ending its sessions first. */
    public void dropIfExists(String name) throws SQLException {
        if (session.serverVersion().series() >= FIRST_SERIES_WITH_DROP_FORCE) {
            session.execute("DROP DATABASE IF EXISTS " + Sql.identifier(name) + " WITH (FORCE)");
            return;
        }
        if (session.exists(name)) {
            setAllowConnections(name, false);
            terminateSessions(name);
        }
        session.execute("DROP DATABASE IF EXISTS " + Sql.identifier(name));
    }

    /** Drops {@code name} if it exists, logging rather than throwing a failure: for clean-up after a failure. */
    public void dropQuietly(String name) {
        try {
            dropIfExists(name);
        } catch (SQLException e) {
            LOG.warnf("could not drop the database %s: %s", name, e.getMessage());
        }
    }

    public void setAllowConnections(String name, boolean allow) throws SQLException {
        session.execute("ALTER DATABASE " + Sql.identifier(name) + " WITH ALLOW_CONNECTIONS " + allow);
    }

    /**
     * Ends every other session on {@code name}.
     *
     * @return the roles whose sessions this role was not allowed to end
     */
    public Set<String> terminateSessions(String name) throws SQLException {
        Set<String> refused = new TreeSet<>();
        List<List<String>> sessions = session.query("SELECT pid::text, coalesce(usename, '(still authenticating)')"
                + " FROM pg_catalog.pg_stat_activity WHERE datname = ? AND pid <> pg_catalog.pg_backend_pid()", name);
        for (List<String> other : sessions) {
            try {
                session.query("SELECT pg_catalog.pg_terminate_backend(?::int)", other.get(0));
            } catch (SQLException e) {
                if (!SqlStates.is(e, SqlStates.INSUFFICIENT_PRIVILEGE)) {
                    throw e;
                }
                refused.add(other.get(1));
            }
        }
        return refused;
    }
}
