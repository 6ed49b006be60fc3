package io.snapkeep.restoreworker.sql;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.postgresql.Driver;

import io.snapkeep.restoreworker.RestoreFailure;
import io.snapkeep.worker.pg.PgConnection;
import io.snapkeep.worker.pg.PgEnvironment;
import io.snapkeep.worker.pg.PgVersion;

/**
 * The worker's own connection to the target server, as the target's user, on the maintenance database: where
 * databases are looked up, created, dropped and renamed. Autocommit, except inside {@link #inTransaction}.
 */
public final class MaintenanceSession implements AutoCloseable {

    private static final String DATABASE_QUERY = """
            SELECT d.datname, pg_catalog.pg_get_userbyid(d.datdba), pg_catalog.pg_has_role(d.datdba, 'USAGE'),
                   d.datallowconn, d.datconnlimit, pg_catalog.pg_encoding_to_char(d.encoding), d.datcollate,
                   d.datctype, pg_catalog.to_jsonb(d) ->> 'datlocprovider',
                   coalesce(pg_catalog.to_jsonb(d) ->> 'datlocale', pg_catalog.to_jsonb(d) ->> 'daticulocale'),
                   pg_catalog.to_jsonb(d) ->> 'daticurules', t.spcname
              FROM pg_catalog.pg_database d JOIN pg_catalog.pg_tablespace t ON t.oid = d.dattablespace
             WHERE d.datname = ?""";

    /** The driver itself rather than DriverManager, whose registry depends on the class loader asking. */
    private static final Driver DRIVER = new Driver();

    private final Connection connection;
    private final PgVersion serverVersion;

    private MaintenanceSession(Connection connection, PgVersion serverVersion) {
        this.connection = connection;
        this.serverVersion = serverVersion;
    }

    /** Connects to {@code target}'s server, database {@code maintenanceDatabase}, as its user, as {@code client}. */
    public static MaintenanceSession open(PgConnection target, String maintenanceDatabase, PgEnvironment client) {
        PgConnection where = target.withDatabase(maintenanceDatabase);
        Properties props = new Properties();
        props.setProperty("user", where.username());
        if (where.password() != null) {
            props.setProperty("password", where.password());
        }
        if (where.sslmode() != null && !where.sslmode().isBlank()) {
            props.setProperty("sslmode", sslmode(where));
        }
        if (where.sslRootCert() != null) {
            props.setProperty("sslrootcert", where.sslRootCert().toString());
        }
        long timeout = Math.max(1, client.connectTimeout().toSeconds());
        props.setProperty("connectTimeout", Long.toString(timeout));
        props.setProperty("loginTimeout", Long.toString(timeout));
        props.setProperty("ApplicationName", client.applicationName());
        try {
            Connection connection = DRIVER.connect(url(where), props);
            try (Statement s = connection.createStatement()) {
                s.execute("SET standard_conforming_strings = on");
                try (ResultSet rs = s.executeQuery("SHOW server_version")) {
                    rs.next();
                    return new MaintenanceSession(connection, PgVersion.parse(rs.getString(1)));
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new RestoreFailure("could not connect to " + where + ": " + e.getMessage(), e);
        }
    }

    /** As libpq: require with a root certificate verifies the server's certificate (the driver would not). */
    static String sslmode(PgConnection where) {
        return "require".equals(where.sslmode()) && where.sslRootCert() != null ? "verify-ca" : where.sslmode();
    }

    static String url(PgConnection where) {
        String host = where.host().contains(":") && !where.host().startsWith("[") ? "[" + where.host() + "]"
                : where.host();
        return "jdbc:postgresql://" + host + ":" + where.port() + "/"
                + URLEncoder.encode(where.database(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    public PgVersion serverVersion() {
        return serverVersion;
    }

    public RoleRights rights() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT rolname, rolsuper, rolcreatedb FROM pg_catalog.pg_roles"
                        + " WHERE rolname = current_user")) {
            rs.next();
            return new RoleRights(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3));
        }
    }

    public Optional<DatabaseInfo> database(String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(DATABASE_QUERY)) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DatabaseInfo(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        provider(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12)));
            }
        }
    }

    public boolean exists(String name) throws SQLException {
        return database(name).isPresent();
    }

    /** Runs one statement in autocommit mode. */
    public void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** The rows of a query with one text parameter, each as its columns' text. */
    public List<List<String>> query(String sql, String parameter) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                List<List<String>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public void inTransaction(SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run(this);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the session is gone either way
        }
    }

    private static String provider(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "i" -> "icu";
            case "b" -> "builtin";
            default -> "libc";
        };
    }

    /** Statements run inside {@link #inTransaction}. */
    @FunctionalInterface
    public interface SqlWork {
        void run(MaintenanceSession session) throws SQLException;
    }
}
