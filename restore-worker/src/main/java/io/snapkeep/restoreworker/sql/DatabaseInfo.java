package io.snapkeep.restoreworker.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * What the worker needs to know of an existing database: who owns it, whether the connecting role acts as its owner,
 * and the settings a database replacing it must be created with (encoding, locale, tablespace, connection limit).
 * {@code localeProvider} ({@code libc}, {@code icu}, {@code builtin}) and {@code locale} are null on servers before 15.
 */
public record DatabaseInfo(String name, String owner, boolean actsAsOwner, boolean allowConnections,
        int connectionLimit, String encoding, String collate, String ctype, String localeProvider, String locale,
        String icuRules, String tablespace) {

    /** The {@code WITH} options of a {@code CREATE DATABASE} making an empty database with the same settings. */
    public String createOptions() {
        List<String> options = new ArrayList<>();
        options.add("TEMPLATE template0");
        options.add("OWNER " + Sql.identifier(owner));
        options.add("ENCODING " + Sql.literal(encoding));
        options.add("LC_COLLATE " + Sql.literal(collate));
        options.add("LC_CTYPE " + Sql.literal(ctype));
        if (localeProvider != null) {
            options.add("LOCALE_PROVIDER " + localeProvider);
            if (localeProvider.equals("icu") && locale != null) {
                options.add("ICU_LOCALE " + Sql.literal(locale));
            }
            if (localeProvider.equals("icu") && icuRules != null) {
                options.add("ICU_RULES " + Sql.literal(icuRules));
            }
            if (localeProvider.equals("builtin") && locale != null) {
                options.add("BUILTIN_LOCALE " + Sql.literal(locale));
            }
        }
        if (!"pg_default".equals(tablespace)) {
            options.add("TABLESPACE " + Sql.identifier(tablespace));
        }
        options.add("CONNECTION LIMIT " + connectionLimit);
        return String.join(" ", options);
    }
}
