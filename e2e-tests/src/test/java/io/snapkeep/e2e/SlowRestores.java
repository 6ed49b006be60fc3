package io.snapkeep.e2e;

import java.time.Duration;

import org.awaitility.Awaitility;

import io.snapkeep.localstack.PostgresServer;

/**
 * Makes every restore of a {@link SourceDatabase} through a side database slow, and nothing else: a table whose check
 * constraint sleeps two minutes per row in a database named like a side database ({@code <target>__restore_…}), so that
 * a dump or a check restore into a scratch database runs at full speed while an in-place restore waits in its
 * {@code restoring} phase, where a test can cancel or kill it.
 */
final class SlowRestores {
    private SlowRestores() {
    }

    static void install(SourceDatabase source) {
        source.sql("""
                create function extra.nap_in_side_databases() returns boolean language sql as $$
                  select case when strpos(current_database(), '__restore_') > 0
                    then (select true from pg_sleep(120)) else true end $$;
                create table extra.slow_to_restore (id int check (extra.nap_in_side_databases()));
                insert into extra.slow_to_restore values (1);
                """);
    }

    /** Waits until a restore's pg_restore sleeps in a side database of {@code source}. */
    static void awaitSleeping(PostgresServer postgres, SourceDatabase source) {
        Awaitility.await("a restore sleeping in a side database of " + source.name).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).until(() -> postgres.psql("postgres",
                        "select count(*) from pg_stat_activity where datname like '" + source.name
                                + "\\_\\_restore\\_%' and wait_event = 'PgSleep'").trim().equals("1"));
    }
}
