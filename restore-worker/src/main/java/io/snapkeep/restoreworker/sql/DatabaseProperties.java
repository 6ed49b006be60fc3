package io.snapkeep.restoreworker.sql;

import java.sql.SQLException;
import java.util.List;

/**
 * Gives a replacement database what belongs to the database rather than to the snapshot (a dump without {@code -C}
 * does not hold it): its parameter settings ({@code ALTER DATABASE ... SET}), its privileges and its comment. The
 * owner, encoding, locale and connection limit are given at creation ({@link DatabaseInfo#createOptions()}).
 */
public final class DatabaseProperties {
    private static final String SETTINGS = """
            SELECT unnest(s.setconfig) FROM pg_catalog.pg_db_role_setting s
              JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase
             WHERE d.datname = ? AND s.setrole = 0""";
    private static final String GRANTS = """
            SELECT a.privilege_type, a.is_grantable::text,
                   CASE WHEN a.grantee = 0 THEN NULL ELSE pg_catalog.pg_get_userbyid(a.grantee) END
              FROM pg_catalog.pg_database d, pg_catalog.aclexplode(d.datacl) a
             WHERE d.datname = ? AND a.grantee <> d.datdba""";
    private static final String HAS_ACL = """
            SELECT 1 FROM pg_catalog.pg_database WHERE datname = ? AND datacl IS NOT NULL""";
    private static final String COMMENT = """
            SELECT pg_catalog.shobj_description(oid, 'pg_database') FROM pg_catalog.pg_database
             WHERE datname = ? AND pg_catalog.shobj_description(oid, 'pg_database') IS NOT NULL""";

    private final MaintenanceSession session;

    public DatabaseProperties(MaintenanceSession session) {
        this.session = session;
    }

    public void copy(String from, String to) throws SQLException {
        copySettings(from, to);
        copyPrivileges(from, to);
        for (List<String> comment : session.query(COMMENT, from)) {
            session.execute("COMMENT ON DATABASE " + Sql.identifier(to) + " IS " + Sql.literal(comment.get(0)));
        }
    }

    /**
     * Each setting is set for one transaction exactly as stored, then saved with {@code FROM CURRENT}: the stored
     * text is valid input for the parameter, whatever its quoting rules (lists such as {@code search_path}).
     */
    private void copySettings(String from, String to) throws SQLException {
        for (List<String> row : session.query(SETTINGS, from)) {
            String setting = row.get(0);
            int eq = setting.indexOf('=');
            String name = setting.substring(0, eq);
            String value = setting.substring(eq + 1);
            session.inTransaction(s -> {
                s.query("SELECT pg_catalog.set_config(" + Sql.literal(name) + ", ?, true)", value);
                s.execute("ALTER DATABASE " + Sql.identifier(to) + " SET " + Sql.parameter(name) + " FROM CURRENT");
            });
        }
    }

    private void copyPrivileges(String from, String to) throws SQLException {
        if (session.query(HAS_ACL, from).isEmpty()) {
            return;
        }
        session.execute("REVOKE ALL ON DATABASE " + Sql.identifier(to) + " FROM PUBLIC");
        for (List<String> grant : session.query(GRANTS, from)) {
            String grantee = grant.get(2) == null ? "PUBLIC" : Sql.identifier(grant.get(2));
            session.execute("GRANT " + grant.get(0) + " ON DATABASE " + Sql.identifier(to) + " TO " + grantee
                    + ("true".equals(grant.get(1)) ? " WITH GRANT OPTION" : ""));
        }
    }
}
