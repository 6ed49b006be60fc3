package io.snapkeep.restoreworker.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.snapkeep.restoreworker.RestoreFailure;

class PlainDumpFilterTest {

    /** The shape of {@code pg_dump -C -c} output, trimmed. */
    private static final String CREATE_DUMP = """
            --
            -- PostgreSQL database dump
            --

            \\restrict AjIQEGcnzu4QYHJY

            SET statement_timeout = 0;
            SET client_encoding = 'UTF8';
            SET standard_conforming_strings = on;
            SELECT pg_catalog.set_config('search_path', '', false);

            DROP DATABASE src;
            --
            -- Name: src; Type: DATABASE; Schema: -; Owner: alice
            --

            CREATE DATABASE src WITH TEMPLATE = template0 ENCODING = 'UTF8' LOCALE_PROVIDER = libc LOCALE = 'C';


            ALTER DATABASE src OWNER TO alice;

            \\unrestrict AjIQEGcnzu4QYHJY
            \\connect src
            \\restrict AjIQEGcnzu4QYHJY

            COMMENT ON DATABASE src IS 'hello';
            ALTER DATABASE src SET work_mem TO '8MB';
            ALTER ROLE alice IN DATABASE src SET search_path TO 'app';
            SET SESSION AUTHORIZATION alice;
            CREATE SCHEMA s2;
            ALTER SCHEMA s2 OWNER TO alice;
            CREATE FUNCTION public.f() RETURNS trigger
                LANGUAGE plpgsql
                AS $$ begin NEW.u := NEW.u || '!'; return NEW; end $$;
            ALTER FUNCTION public.f() OWNER TO "Alice Admin";
            CREATE TABLE s2.t (
                id integer NOT NULL,
                u text
            );
            ALTER TABLE s2.t OWNER TO alice;
            SELECT pg_catalog.lo_create('16405');
            ALTER LARGE OBJECT 16405 OWNER TO alice;
            COPY s2.t (id, u) FROM stdin;
            1\tGRANT ALL ON everything TO mallory;
            2\t\\\\connect elsewhere
            \\.
            BEGIN;
            SELECT pg_catalog.lo_open('16405', 131072);
            COMMIT;
            ALTER TABLE ONLY s2.t
                ADD CONSTRAINT t_pkey PRIMARY KEY (id);
            GRANT SELECT ON TABLE s2.t TO PUBLIC;
            REVOKE ALL ON SCHEMA public FROM PUBLIC;
            ALTER DEFAULT PRIVILEGES FOR ROLE alice GRANT ALL ON TABLES TO bob;
            SECURITY LABEL FOR selinux ON DATABASE src IS 'x';
            REFRESH MATERIALIZED VIEW public.mv;

            \\unrestrict AjIQEGcnzu4QYHJY
            """;

    @Test
    void leavesOutTheDatabaseOwnersPrivilegesAndMetaCommands() {
        String out = filter(CREATE_DUMP, false, false);

        for (String gone : new String[] { "DROP DATABASE", "CREATE DATABASE", "ALTER DATABASE", "\\connect src",
                "\\restrict", "\\unrestrict", "COMMENT ON DATABASE", "ALTER ROLE", "SESSION AUTHORIZATION",
                "OWNER TO", "GRANT SELECT", "REVOKE", "ALTER DEFAULT PRIVILEGES", "SECURITY LABEL" }) {
            assertFalse(out.contains(gone), () -> gone + " left in:\n" + out);
        }
        for (String kept : new String[] { "SET standard_conforming_strings = on;", "CREATE SCHEMA s2;",
                "AS $$ begin NEW.u := NEW.u || '!'; return NEW; end $$;", "CREATE TABLE s2.t (",
                "SELECT pg_catalog.lo_create('16405');", "1\tGRANT ALL ON everything TO mallory;\n",
                "2\t\\\\connect elsewhere\n\\.\n", "BEGIN;\n", "COMMIT;\n",
                "ALTER TABLE ONLY s2.t\n    ADD CONSTRAINT t_pkey PRIMARY KEY (id);",
                "REFRESH MATERIALIZED VIEW public.mv;" }) {
            assertTrue(out.contains(kept), () -> kept + " missing from:\n" + out);
        }
        assertEquals(CREATE_DUMP.lines().count(), out.lines().count(), "line numbers stay those of the archive");
    }

    @Test
    void keepsOwnersAndPrivilegesWhenAskedButNeverTheDatabaseStatements() {
        String out = filter(CREATE_DUMP, true, false);

        assertTrue(out.contains("ALTER TABLE s2.t OWNER TO alice;"), out);
        assertTrue(out.contains("ALTER FUNCTION public.f() OWNER TO \"Alice Admin\";"), out);
        assertTrue(out.contains("GRANT SELECT ON TABLE s2.t TO PUBLIC;"), out);
        assertTrue(out.contains("SET SESSION AUTHORIZATION alice;"), out);
        assertFalse(out.contains("CREATE DATABASE"), out);
        assertFalse(out.contains("ALTER DATABASE"), out);
        assertFalse(out.contains("\\connect src"), out);
    }

    @Test
    void inOneTransactionTheDumpsOwnTransactionControlIsLeftOut() {
        String out = filter(CREATE_DUMP, false, true);

        assertFalse(out.contains("BEGIN;"), out);
        assertFalse(out.contains("COMMIT;"), out);
        assertTrue(out.contains("SELECT pg_catalog.lo_open('16405', 131072);"), out);
    }

    @Test
    void nothingInsideQuotesCommentsOrBodiesIsTakenForAStatement() {
        String script = """
                INSERT INTO t VALUES ('a;
                GRANT ALL ON t TO x;
                ALTER TABLE t OWNER TO x;');
                SELECT E'it\\'s; GRANT x TO y; \\\\', "odd;""name", $tag$ ; GRANT ; $x$ $tag$;
                /* a /* nested; */ GRANT still comment; */ SELECT 1;
                -- GRANT in a comment;
                CREATE FUNCTION g() RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT 1;
                  SELECT CASE WHEN true THEN 2 END;
                END;
                ALTER TABLE t RENAME COLUMN owner TO x;
                ALTER TABLE ONLY t ALTER COLUMN id SET DEFAULT nextval('s'::regclass);
                SELECT $1, a$b$c FROM t;
                (SELECT 1) UNION (SELECT 2);
                GRANT SELECT ON t TO x;
                """;

        String out = filter(script, false, false);

        assertEquals(script.replace("GRANT SELECT ON t TO x;", ""), out);
    }

    @Test
    void followsStandardConformingStringsWhenTheDumpTurnsThemOff() {
        String script = """
                SET standard_conforming_strings = off;
                INSERT INTO t VALUES ('a\\'; GRANT x TO y; --');
                SET standard_conforming_strings = 'on';
                INSERT INTO t VALUES ('b\\');
                GRANT x TO y;
                """;

        String out = filter(script, false, false);

        assertTrue(out.contains("INSERT INTO t VALUES ('a\\'; GRANT x TO y; --');"), out);
        assertTrue(out.contains("INSERT INTO t VALUES ('b\\');"), out);
        assertFalse(out.contains("GRANT x TO y;\n"), out);
    }

    @Test
    void refusesMetaCommandsThatWouldRunOnTheWorker() {
        for (String script : new String[] { "SELECT 1;\n\\! rm -rf /\n", "\\o /tmp/out\nSELECT 1;\n",
                "\\copy t from '/etc/passwd'\n", "SELECT 1 \\g /tmp/x\n", "\\i /etc/passwd", "\\setenv X y\n" }) {
            RestoreFailure refused = assertThrows(RestoreFailure.class, () -> filter(script, false, false), script);
            assertTrue(refused.getMessage().contains("refusing to run it"), refused.getMessage());
        }
    }

    @Test
    void refusesRoleAndTablespaceDefinitions() {
        for (String script : new String[] { "CREATE ROLE evil SUPERUSER;\n", "ALTER ROLE app SUPERUSER;\n",
                "DROP USER app;\n", "CREATE TABLESPACE t LOCATION '/x';\n" }) {
            assertThrows(RestoreFailure.class, () -> filter(script, false, false), script);
        }
    }

    @Test
    void theOutputDoesNotDependOnHowTheInputIsCut() throws IOException {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        try (PlainDumpFilter filter = new PlainDumpFilter(whole, false, false)) {
            filter.write(CREATE_DUMP.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream byByte = new ByteArrayOutputStream();
        try (PlainDumpFilter filter = new PlainDumpFilter(byByte, false, false)) {
            for (byte b : CREATE_DUMP.getBytes(StandardCharsets.UTF_8)) {
                filter.write(b);
            }
        }
        assertEquals(whole.toString(StandardCharsets.UTF_8), byByte.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLastStatementWithoutSemicolonIsStillDecided() {
        assertEquals("SELECT 1;\n", filter("SELECT 1;\nALTER TABLE t OWNER TO x", false, false));
        assertEquals("SELECT 1;\nALTER TABLE t ADD c int", filter("SELECT 1;\nALTER TABLE t ADD c int", false, false));
    }

    private static String filter(String script, boolean keepOwners, boolean singleTransaction) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PlainDumpFilter filter = new PlainDumpFilter(out, keepOwners, singleTransaction)) {
            filter.write(script.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
