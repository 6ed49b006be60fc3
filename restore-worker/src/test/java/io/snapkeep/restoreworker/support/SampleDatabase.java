package io.snapkeep.restoreworker.support;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.snapkeep.localstack.LocalStack;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.worker.support.Tools;

/**
 * A database worth restoring, made once per JVM on the test stack's PostgreSQL ({@link #NAME}, never connected to
 * afterwards so it serves as a template): pgbench tables (scale 1, 100,000 accounts), two more schemas, bytea and
 * unicode text, a sequence set to {@link #TICKET}, a view, a materialized view, a PL/pgSQL trigger function and its
 * trigger (with rows it wrote), large objects and a comment. Targets are copies of it owned by {@link #APP}, a role
 * that may create databases; {@link #LIMITED} may not.
 */
public final class SampleDatabase {
    public static final String NAME = "rich_sample";
    public static final String APP = "app";
    public static final String LIMITED = "limited";
    public static final String PASSWORD = "Restore-Me-" + UUID.randomUUID();
    public static final int TICKET = 4242;

    private static boolean created;
    private static String fingerprint;

    private SampleDatabase() {
    }

    public static synchronized PostgresServer ensure() {
        PostgresServer postgres = LocalStack.startForTests().postgres();
        if (!created) {
            postgres.psql("postgres", "CREATE ROLE " + APP + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
            postgres.psql("postgres", "CREATE ROLE " + LIMITED + " LOGIN PASSWORD '" + PASSWORD + "'");
            postgres.createDatabase(NAME);
            Tools.run(postgres, List.of("pgbench", "-i", "-s", "1", "-q", NAME));
            postgres.psql(NAME, """
                    CREATE SCHEMA sales;
                    CREATE SCHEMA audit;
                    CREATE TABLE sales.items (id serial PRIMARY KEY, name text NOT NULL, photo bytea,
                                              price numeric(10,2));
                    CREATE TABLE audit.log (id bigserial PRIMARY KEY, item int, note text);
                    CREATE FUNCTION audit.log_item() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        INSERT INTO audit.log (item, note) VALUES (NEW.id, 'added: ' || NEW.name);
                        RETURN NEW;
                    END $$;
                    CREATE TRIGGER items_audit AFTER INSERT ON sales.items
                        FOR EACH ROW EXECUTE FUNCTION audit.log_item();
                    INSERT INTO sales.items (name, photo, price)
                        SELECT 'article ' || g || ' – ünïcødé ✓ 日本語 ''quoted''; GRANT ALL',
                               decode(md5(g::text) || '00ff5c', 'hex'), g * 1.5
                          FROM generate_series(1, 2000) g;
                    CREATE SEQUENCE audit.ticket;
                    SELECT setval('audit.ticket', %d);
                    CREATE VIEW sales.expensive AS SELECT id, name FROM sales.items WHERE price > 2000;
                    CREATE MATERIALIZED VIEW sales.summary AS SELECT count(*) AS n, sum(price) AS total
                        FROM sales.items;
                    SELECT lo_from_bytea(0, convert_to(repeat('large object ✓ ' || g, 3000), 'UTF8'))
                      FROM generate_series(1, 3) g;
                    COMMENT ON TABLE sales.items IS 'things we sell';
                    GRANT USAGE ON SCHEMA sales, audit TO app;
                    GRANT ALL ON ALL TABLES IN SCHEMA public, sales, audit TO app;
                    GRANT ALL ON ALL SEQUENCES IN SCHEMA public, sales, audit TO app;
                    """.formatted(TICKET));
            fingerprint = fingerprint(postgres, NAME);
            created = true;
        }
        return postgres;
    }

    /** The sample's fingerprint, taken when it was made. */
    public static synchronized String fingerprint() {
        ensure();
        return fingerprint;
    }

    /** A copy of the sample named {@code name}, owned by {@code owner}. */
    public static void copy(String name, String owner) {
        ensure().psql("postgres", "CREATE DATABASE " + name + " TEMPLATE " + NAME + " OWNER " + owner);
    }

    /**
     * What a database holds, as text: {@code pg_dump} plain output without owners and privileges, less the lines that
     * differ between two dumps of the same content (times, versions, the random {@code \restrict} key).
     */
    public static String fingerprint(PostgresServer postgres, String database) {
        String dump = Tools.run(postgres, List.of("pg_dump", "--no-owner", "--no-privileges", "-d", database));
        return dump.lines()
                .filter(line -> !line.startsWith("-- Dumped") && !line.startsWith("\\restrict")
                        && !line.startsWith("\\unrestrict"))
                .collect(Collectors.joining("\n"));
    }

    public static boolean exists(PostgresServer postgres, String database) {
        return !postgres.psql("postgres", "SELECT 1 FROM pg_database WHERE datname = '" + database + "'").isBlank();
    }
}
