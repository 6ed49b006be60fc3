package io.snapkeep.dumpworker.support;

import java.util.List;
import java.util.UUID;

import io.snapkeep.localstack.LocalStack;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.worker.support.Tools;

/**
 * A database to dump, made once per JVM on the test stack's PostgreSQL: pgbench tables at scale 1 (100,000 accounts)
 * and {@code notes}, 200,000 rows of random text (about 13 MB, so the archive spans several 5 MiB parts), readable by
 * the role {@link #ROLE} that logs in with {@link #PASSWORD}; {@link #LIMITED_ROLE} (same password) may connect but
 * read no table.
 */
public final class SampleDatabase {
    public static final String NAME = "sample";
    public static final String ROLE = "dumper";
    public static final String LIMITED_ROLE = "limited";
    public static final String PASSWORD = "Dump-Me-" + UUID.randomUUID();
    public static final int ACCOUNTS = 100_000;
    public static final int NOTES = 200_000;

    private static boolean created;

    private SampleDatabase() {
    }

    public static synchronized PostgresServer ensure() {
        PostgresServer postgres = LocalStack.startForTests().postgres();
        if (!created) {
            postgres.createDatabase(NAME);
            Tools.run(postgres, List.of("pgbench", "-i", "-s", "1", "-q", NAME));
            postgres.psql(NAME, "CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)");
            postgres.psql(NAME, "INSERT INTO notes SELECT g, md5(random()::text) || md5(random()::text)"
                    + " FROM generate_series(1, " + NOTES + ") g");
            postgres.psql("postgres", "CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
            postgres.psql("postgres", "GRANT pg_read_all_data TO " + ROLE);
            postgres.psql("postgres", "CREATE ROLE " + LIMITED_ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
            created = true;
        }
        return postgres;
    }
}
