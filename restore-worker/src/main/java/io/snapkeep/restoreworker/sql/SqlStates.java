package io.snapkeep.restoreworker.sql;

import java.sql.SQLException;

/** The PostgreSQL error codes the worker tells apart. */
public final class SqlStates {
    public static final String INSUFFICIENT_PRIVILEGE = "42501";
    public static final String DUPLICATE_DATABASE = "42P04";
    public static final String OBJECT_IN_USE = "55006";
    public static final String LOCK_NOT_AVAILABLE = "55P03";

    private SqlStates() {
    }

    public static boolean is(SQLException e, String state) {
        return state.equals(e.getSQLState());
    }
}
