package io.snapkeep.messages;

import java.util.Map;

/**
 * The environment of a child process (pg_dump, pg_restore, psql), built from nothing rather than inherited: a service's
 * environment holds its store credentials, keys and database login, which a child has no use for. Only {@code PATH},
 * {@code LANG}, {@code LC_*} and {@code TZ} are kept; {@code HOME} is dropped and {@code PGPASSFILE} and
 * {@code PGSERVICEFILE} point at {@code /dev/null} (libpq finds the home directory without {@code HOME}), so no
 * {@code ~/.pgpass} or service file of the service's account is read. The caller adds the {@code PG*} variables the
 * tool needs. Shared by the catalog's archive check and the workers.
 */
public final class ChildEnvironment {

    private ChildEnvironment() {
    }

    /** Reduces {@code env} (a {@link ProcessBuilder#environment()}, the parent's copy) to the minimal environment. */
    public static void reduce(Map<String, String> env) {
        env.keySet().removeIf(name -> !kept(name));
        env.put("PGPASSFILE", "/dev/null");
        env.put("PGSERVICEFILE", "/dev/null");
    }

    private static boolean kept(String name) {
        return name.equals("PATH") || name.equals("LANG") || name.startsWith("LC_") || name.equals("TZ");
    }
}
