package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.snapkeep.localstack.PostgresServer;

/** Dumps made by stock pg_dump the way NetBox and Nautobot guides make them, uploaded, then restored as new instances. */
class UploadEndToEndTest {
    private static RunningSystem system;
    private static PostgresServer postgres;
    private static SourceDatabase source;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
        postgres = system.stack.postgres();
        source = SourceDatabase.create(postgres);
    }

    @Test
    void aNautobotStyleTarUploadRestoresWithTheExcludedTableEmpty() throws Exception {
        String database = uploadAndRestore("tar", List.of("-O", "-x", "-b", "-F", "t",
                "--exclude-table-data=public.audit_log"));
        assertEquals("0", count(database, "public.audit_log"), "the excluded table is there and empty");
        for (String table : List.of("pgbench_accounts", "pgbench_branches", "extra.notes")) {
            assertEquals(count(source.name, table), count(database, table), table);
        }
        assertEquals(checksum(source.name, "extra.notes"), checksum(database, "extra.notes"));
    }

    @Test
    void aNetBoxStyleCustomUploadWithCreateRestoresIdentically() throws Exception {
        String database = uploadAndRestore("dump", List.of("-Fc", "-C"));
        assertEquals(SourceDatabase.fingerprint(postgres, source.name), SourceDatabase.fingerprint(postgres, database));
    }

    @Test
    void aPlainSqlUploadRestoresIdentically() throws Exception {
        String database = uploadAndRestore("sql", List.of());
        assertEquals(SourceDatabase.fingerprint(postgres, source.name), SourceDatabase.fingerprint(postgres, database));
    }

    private String uploadAndRestore(String extension, List<String> pgDumpOptions) throws IOException {
        Path file = Files.createTempFile(Path.of("target"), "upload-", "." + extension);
        List<String> command = new ArrayList<>(List.of("pg_dump", "-h", postgres.host(), "-p",
                String.valueOf(postgres.port()), "-U", source.role, "-f", file.toString()));
        command.addAll(pgDumpOptions);
        command.add(source.name);
        SourceDatabase.runAs(source.role, source.password, command);
        String instanceId = Api.registerInstance(source.connection());
        String snapshotId = operator().contentType("application/octet-stream").body(file.toFile())
                .post("/api/v1/snapshots/upload?instanceId=" + instanceId + "&name=migrated-" + extension)
                .then().statusCode(201).extract().path("id");
        String database = "up_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String refused = Api.newInstance(postgres, snapshotId, "uploaded-" + UUID.randomUUID(), database)
                .then().statusCode(202).extract().path("id");
        Api.awaitJob(refused, "FAILED");
        operator().get("/api/v1/jobs/" + refused).then().body("error", containsString("untrusted SQL"));
        assertEquals("0", postgres.psql("postgres", "select count(*) from pg_database where datname = '" + database
                + "'").trim(), "nothing was created for the refused restore");
        String jobId = Api.newInstance(Api.admin(), postgres, snapshotId, "uploaded-" + UUID.randomUUID(), database,
                true).then().statusCode(202).extract().path("id");
        Api.awaitJob(jobId, "SUCCEEDED");
        return database;
    }

    private static String count(String database, String table) {
        return postgres.psql(database, "select count(*) from " + table).trim();
    }

    private static String checksum(String database, String table) {
        return postgres.psql(database, "select md5(string_agg(t::text, '|' order by t::text)) from " + table + " t")
                .trim();
    }
}
