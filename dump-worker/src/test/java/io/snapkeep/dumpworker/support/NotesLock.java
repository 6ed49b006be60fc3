package io.snapkeep.dumpworker.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;

import io.snapkeep.localstack.PostgresServer;

/**
 * A psql session holding an ACCESS EXCLUSIVE lock on {@link SampleDatabase}'s {@code notes} table, so that a dump of
 * it waits (with its {@code pg_dump} running) until {@link #close()} releases the lock.
 */
public final class NotesLock implements AutoCloseable {
    private final Process holder;
    private final PostgresServer postgres;

    private NotesLock(Process holder, PostgresServer postgres) {
        this.holder = holder;
        this.postgres = postgres;
    }

    /** Takes the lock and returns once it is granted. */
    public static NotesLock hold(PostgresServer postgres) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-w", "-h", postgres.host(), "-p",
                Integer.toString(postgres.port()), "-U", postgres.superuser(), "-d", SampleDatabase.NAME, "-c",
                "BEGIN; LOCK TABLE notes IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(120);")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PGPASSWORD", postgres.password());
        NotesLock lock = new NotesLock(builder.start(), postgres);
        await().atMost(Duration.ofSeconds(10)).until(() -> postgres.psql(SampleDatabase.NAME,
                "SELECT count(*) FROM pg_locks WHERE relation = 'notes'::regclass AND mode = 'AccessExclusiveLock'"
                        + " AND granted").strip().equals("1"));
        return lock;
    }

    /** Whether a dump-worker's pg_dump waits for the lock. */
    public boolean pgDumpWaits() {
        return postgres.psql("postgres", "SELECT count(*) FROM pg_stat_activity WHERE application_name ="
                + " 'snapkeep-dump-worker' AND wait_event_type = 'Lock'").strip().equals("1");
    }

    /** Ends the session holding the lock (its backend would otherwise sleep on with it) and the psql holding it. */
    @Override
    public void close() {
        postgres.psql(SampleDatabase.NAME, "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE relation ="
                + " 'notes'::regclass AND mode = 'AccessExclusiveLock' AND granted");
        holder.destroyForcibly();
    }
}
