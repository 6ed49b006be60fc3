package io.snapkeep.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

import io.snapkeep.localstack.PostgresServer;

/**
 * A session that holds an exclusive lock on {@code extra.notes} of a {@link SourceDatabase}, so that a pg_dump of it
 * waits until {@link #release} ends the session.
 */
final class TableLock {
    private static final String HOLDER = "snapkeep-e2e-lock-holder";

    private TableLock() {
    }

    static void hold(PostgresServer postgres, String database) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of("psql", "-X", "-q", "-h", postgres.host(), "-p",
                String.valueOf(postgres.port()), "-U", postgres.superuser(), "-d", database, "-c",
                "begin; lock table extra.notes in access exclusive mode; select pg_sleep(600);"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PGPASSWORD", postgres.password());
        builder.environment().put("PGAPPNAME", HOLDER);
        builder.start();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> postgres.psql(database,
                "select count(*) from pg_locks l join pg_class c on c.oid = l.relation "
                        + "where c.relname = 'notes' and l.mode = 'AccessExclusiveLock' and l.granted").trim()
                .equals("1"));
    }

    /** Ends the lock holder's backend: ending the psql client alone would leave it sleeping with the lock. */
    static void release(PostgresServer postgres) {
        postgres.psql("postgres", "select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                + HOLDER + "'");
    }
}
