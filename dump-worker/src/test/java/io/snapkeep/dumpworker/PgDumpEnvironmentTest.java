package io.snapkeep.dumpworker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.dumpworker.support.DumpJobs;
import io.snapkeep.dumpworker.support.NotesLock;
import io.snapkeep.dumpworker.support.SampleDatabase;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.DumpJob;
import io.snapkeep.messages.DumpOptions;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.JobEventType;
import io.snapkeep.worker.support.JobEventLog;
import io.snapkeep.worker.support.RealServersTest;

/**
 * The running {@code pg_dump} sees none of the worker's environment: surefire gives the test JVM canary variables
 * ({@code SNAPKEEP_TEST_CANARY}, {@code AWS_SECRET_ACCESS_KEY}), and the child's {@code /proc/<pid>/environ}, read
 * while it waits on a lock, holds no {@code SNAPKEEP_*}, {@code QUARKUS_*}, {@code AWS_*} or {@code KAFKA_*} variable
 * and the password only as {@code PGPASSWORD}.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class PgDumpEnvironmentTest extends RealServersTest {

    @Test
    void pgDumpGetsOnlyWhatItNeeds() throws Exception {
        assertEquals("canary-secret", System.getenv("SNAPKEEP_TEST_CANARY"), "surefire sets the canaries");
        PostgresServer postgres = SampleDatabase.ensure();
        List<String> environment;
        try (DumpJobs jobs = new DumpJobs(bootstrapServers, mapper, cryptoKey, signingKey);
                JobEventLog events = new JobEventLog(bootstrapServers, mapper)) {
            DumpJob job;
            try (NotesLock lock = NotesLock.hold(postgres)) {
                job = jobs.send(jobs.job(postgres, SampleDatabase.NAME, SampleDatabase.ROLE, SampleDatabase.PASSWORD,
                        DumpOptions.defaults()));
                await().atMost(Duration.ofSeconds(30)).until(lock::pgDumpWaits);
                ProcessHandle pgDump = await().atMost(Duration.ofSeconds(10)).until(
                        PgDumpEnvironmentTest::runningPgDump, Optional::isPresent).orElseThrow();
                environment = entries(Path.of("/proc", Long.toString(pgDump.pid()), "environ"));
                assertFalse(Files.readString(Path.of("/proc", Long.toString(pgDump.pid()), "cmdline"),
                        StandardCharsets.UTF_8).contains(SampleDatabase.PASSWORD), "password on the command line");
            }

            List<JobEvent> history = events.awaitFinal(job.jobId(), Duration.ofSeconds(60));
            assertEquals(JobEventType.SUCCEEDED, history.get(history.size() - 1).type());
        }

        assertTrue(environment.contains("PGPASSWORD=" + SampleDatabase.PASSWORD), environment::toString);
        List<String> leaked = environment.stream().filter(e -> e.startsWith("SNAPKEEP_") || e.startsWith("QUARKUS_")
                || e.startsWith("AWS_") || e.startsWith("KAFKA_") || e.startsWith("HOME=")).toList();
        assertEquals(List.of(), leaked);
        assertEquals(List.of("PGPASSWORD=" + SampleDatabase.PASSWORD),
                environment.stream().filter(e -> e.contains(SampleDatabase.PASSWORD)).toList());
        assertTrue(environment.stream().noneMatch(e -> e.contains("canary-secret")), environment::toString);
        assertTrue(environment.contains("PGPASSFILE=/dev/null"), environment::toString);
    }

    private static Optional<ProcessHandle> runningPgDump() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/pg_dump")).orElse(false)).findFirst();
    }

    private static List<String> entries(Path environ) throws Exception {
        return Arrays.stream(new String(Files.readAllBytes(environ), StandardCharsets.UTF_8).split("\0"))
                .filter(e -> !e.isEmpty()).toList();
    }
}
