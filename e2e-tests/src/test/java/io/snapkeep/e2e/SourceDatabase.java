package io.snapkeep.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.snapkeep.localstack.PostgresServer;

/**
 * A database to snapshot on the test PostgreSQL (which requires scram passwords over TCP), owned by a role of its
 * own (allowed to create databases, as an in-place restore needs): pgbench tables plus extra schemas, large
 * objects, a view, a materialized view, a function and a trigger, a sequence with a set value, bytea and unicode
 * text.
 */
final class SourceDatabase {
    final String name;
    final String role;
    final String password;
    private final PostgresServer postgres;

    private SourceDatabase(PostgresServer postgres, String name, String role, String password) {
        this.postgres = postgres;
        this.name = name;
        this.role = role;
        this.password = password;
    }

    static SourceDatabase create(PostgresServer postgres) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        SourceDatabase db = new SourceDatabase(postgres, "src_" + suffix, "app_" + suffix,
                "pw-" + UUID.randomUUID());
        postgres.psql("postgres", "create role " + db.role + " login createdb password '" + db.password + "'");
        postgres.psql("postgres", "create database " + db.name + " owner " + db.role);
        db.run(List.of("pgbench", "-i", "-s", "1", "-q", "-h", postgres.host(), "-p", String.valueOf(postgres.port()),
                "-U", db.role, db.name));
        db.sql("""
                create schema extra;
                create table extra.notes (id serial primary key, body text not null, payload bytea);
                insert into extra.notes (body, payload)
                  select 'zażółć gęślą jaźń ' || g || ' 日本語 🐘', decode(md5(g::text), 'hex')
                  from generate_series(1, 500) g;
                create sequence extra.ticket_seq start 100;
                select setval('extra.ticket_seq', 4242);
                create view extra.recent_notes as select id, body from extra.notes where id > 400;
                create table public.audit_log (id bigserial primary key, message text);
                insert into public.audit_log (message) select 'event ' || g from generate_series(1, 100) g;
                select lo_from_bytea(0, convert_to(repeat('large object ', 1000), 'UTF8'));
                create materialized view extra.note_stats as select count(*) as notes, max(id) as last_id from extra.notes;
                create function extra.touch() returns trigger language plpgsql as $$
                  begin new.body := new.body || ' (touched)'; return new; end $$;
                create trigger notes_touch before update on extra.notes for each row execute function extra.touch();
                """);
        return db;
    }

    /** Runs SQL as the owning role, over TCP with its password. */
    String sql(String sql) {
        return run(List.of("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", postgres.host(), "-p",
                String.valueOf(postgres.port()), "-U", role, "-d", name, "-c", sql));
    }

    /** Changes the database heavily: rows deleted and updated, a table dropped, a sequence reset, a large object gone. */
    void vandalise() {
        sql("""
                delete from pgbench_accounts where aid % 3 = 0;
                update extra.notes set body = 'overwritten' where id < 100;
                drop table public.audit_log;
                select setval('extra.ticket_seq', 100);
                select lo_unlink(oid) from pg_largeobject_metadata;
                """);
    }

    /** A plain dump of schema and data, free of owners and grants: equal texts mean equal databases. */
    static String fingerprint(PostgresServer postgres, String database) {
        return runAs(postgres.superuser(), postgres.password(), List.of("pg_dump", "--no-owner", "--no-privileges",
                "-h", postgres.host(), "-p", String.valueOf(postgres.port()), "-U", postgres.superuser(), database))
                .lines().filter(l -> !l.startsWith("-- Dumped") && !l.startsWith("\\restrict")
                        && !l.startsWith("\\unrestrict"))
                .collect(Collectors.joining("\n"));
    }

    private String run(List<String> command) {
        return runAs(role, password, command);
    }

    static String runAs(String user, String password, List<String> command) {
        try {
            Path stderr = Files.createTempFile("e2e-", ".stderr");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectError(stderr.toFile());
            builder.environment().put("PGPASSWORD", password);
            builder.environment().put("PGUSER", user);
            Process process = builder.start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean exited = process.waitFor(5, TimeUnit.MINUTES);
            String err = Files.readString(stderr);
            Files.delete(stderr);
            if (!exited || process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + err);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " could not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Map<String, Object> connection() {
        return Map.of("host", postgres.host(), "port", postgres.port(), "database", name, "username", role,
                "password", password, "sslmode", "disable");
    }
}
