package io.snapkeep.restoreworker.pg;

/**
 * The {@code --dbname} argument of {@code pg_restore} and {@code psql}. Given as a plain name, a database name holding
 * {@code =} or starting with {@code postgresql://} would be read as a connection string, which could send the restore
 * elsewhere: so it is always passed as the connection string {@code dbname='...'}, quoted by libpq's rules. Host, user
 * and password stay in the environment.
 */
public final class ConnInfo {

    private ConnInfo() {
    }

    public static String dbname(String database) {
        return "dbname='" + database.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
