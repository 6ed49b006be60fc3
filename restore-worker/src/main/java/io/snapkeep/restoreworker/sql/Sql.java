package io.snapkeep.restoreworker.sql;

/**
 * Quoting for the statements that cannot take parameters (database names in DDL). The session runs with
 * {@code standard_conforming_strings} on, so doubling quotes is all a literal needs.
 */
public final class Sql {

    private Sql() {
    }

    public static String identifier(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a name cannot hold a NUL character");
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    public static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a literal cannot hold a NUL character");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /** A configuration parameter name such as {@code work_mem} or {@code app.tenant}, each part quoted. */
    public static String parameter(String name) {
        StringBuilder quoted = new StringBuilder();
        for (String part : name.split("\\.", -1)) {
            if (quoted.length() > 0) {
                quoted.append('.');
            }
            quoted.append(identifier(part));
        }
        return quoted.toString();
    }
}
