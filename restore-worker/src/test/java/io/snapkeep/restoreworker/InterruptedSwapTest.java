package io.snapkeep.restoreworker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.JobEventType;
import io.snapkeep.messages.RestoreJob;
import io.snapkeep.messages.RestoreMode;
import io.snapkeep.restoreworker.support.Archive;
import io.snapkeep.restoreworker.support.SampleDatabase;

/**
 * A retry of an in-place restore first settles what an earlier attempt's swap left: a swap that happened is taken as
 * the result, never done twice; a target left closed by an attempt killed before its renames is re-opened and restored.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class InterruptedSwapTest extends RestoreFlowBase {

    @Test
    void aRetryOfARestoreAnEarlierAttemptSwappedReportsThatSwapAndRestoresNothingAgain() {
        String target = changedCopy("swapped");
        String before = fingerprint(target);
        Archive archive = sampleArchive();
        RestoreJob first = jobs.job(RestoreMode.IN_PLACE, archive, target, SampleDatabase.APP, SampleDatabase.PASSWORD)
                .send();
        succeeded(first);
        postgres.psql(target, "DELETE FROM pgbench_branches");
        String afterFirst = fingerprint(target);

        RestoreJob retry = jobs.job(RestoreMode.IN_PLACE, archive, target, SampleDatabase.APP, SampleDatabase.PASSWORD)
                .retryOf(first, true).drop(List.of(first.sideDatabase())).send();

        JobEvent done = last(retry);
        assertEquals(JobEventType.SUCCEEDED, done.type(), () -> "error: " + done.error());
        assertEquals(archive.size(), done.bytes());
        assertEquals(archive.sha256(), done.sha256());
        assertEquals(afterFirst, fingerprint(target), "the retry restored nothing again");
        assertEquals(before, fingerprint(first.previousDatabase()), "the one previous copy is the target as it was");
        assertEquals("1", postgres.psql("postgres", "SELECT count(*) FROM pg_database WHERE datname LIKE '"
                + target + "\\_\\_prev\\_%'").strip(), "one previous copy");
        assertFalse(exists(retry.sideDatabase()));
    }

    @Test
    void aRetryReopensATargetAnAttemptKilledAfterClosingItLeftClosedAndRestores() {
        String target = changedCopy("closed");
        String before = fingerprint(target);
        Archive archive = sampleArchive();
        RestoreJob killed = jobs.job(RestoreMode.IN_PLACE, archive, target, SampleDatabase.APP,
                SampleDatabase.PASSWORD).build();
        postgres.psql("postgres", "CREATE DATABASE \"" + killed.sideDatabase() + "\" OWNER " + SampleDatabase.APP);
        postgres.psql("postgres", "ALTER DATABASE " + target + " WITH ALLOW_CONNECTIONS false");

        RestoreJob retry = jobs.job(RestoreMode.IN_PLACE, archive, target, SampleDatabase.APP, SampleDatabase.PASSWORD)
                .retryOf(killed, true).drop(List.of(killed.sideDatabase())).send();

        JobEvent done = last(retry);
        assertEquals(JobEventType.SUCCEEDED, done.type(), () -> "error: " + done.error());
        assertEquals(SampleDatabase.fingerprint(), fingerprint(target));
        assertEquals(before, fingerprint(retry.previousDatabase()));
        assertEquals("t|t|2", postgres.psql("postgres", "SELECT bool_and(datallowconn), bool_or(datallowconn),"
                + " count(*) FROM pg_database WHERE datname IN ('" + target + "', '" + retry.previousDatabase() + "')")
                .strip(), "the target and the previous copy accept connections, as the target did");
        assertFalse(exists(killed.sideDatabase()));
        assertFalse(exists(retry.sideDatabase()));
    }

    @Test
    void theCleanupOfARestoreGivenUpInItsSwapReopensATargetLeftClosedButNotOneItsOwnerClosed() {
        String closed = changedCopy("abandoned");
        RestoreJob killed = jobs.job(RestoreMode.IN_PLACE, sampleArchive(), closed, SampleDatabase.APP,
                SampleDatabase.PASSWORD).build();
        postgres.psql("postgres", "ALTER DATABASE " + closed + " WITH ALLOW_CONNECTIONS false");

        RestoreJob cleanup = jobs.job(RestoreMode.DROP_DATABASES, null, closed, SampleDatabase.APP,
                SampleDatabase.PASSWORD).retryOf(killed, true).drop(List.of(killed.sideDatabase())).send();

        assertEquals(JobEventType.SUCCEEDED, last(cleanup).type());
        assertEquals("t", postgres.psql("postgres", "SELECT datallowconn FROM pg_database WHERE datname = '" + closed
                + "'").strip(), "the target is open again");

        String ownerClosed = changedCopy("owner_closed");
        RestoreJob other = jobs.job(RestoreMode.IN_PLACE, sampleArchive(), ownerClosed, SampleDatabase.APP,
                SampleDatabase.PASSWORD).build();
        postgres.psql("postgres", "ALTER DATABASE " + ownerClosed + " WITH ALLOW_CONNECTIONS false");
        RestoreJob keepClosed = jobs.job(RestoreMode.DROP_DATABASES, null, ownerClosed, SampleDatabase.APP,
                SampleDatabase.PASSWORD).retryOf(other, false).send();
        assertEquals(JobEventType.SUCCEEDED, last(keepClosed).type());
        assertEquals("f", postgres.psql("postgres", "SELECT datallowconn FROM pg_database WHERE datname = '"
                + ownerClosed + "'").strip(), "a target that was closed before the swap stays closed");
    }

    private JobEvent last(RestoreJob job) {
        List<JobEvent> history = events.awaitFinal(job.jobId(), job.attempt(), RESTORE_TIMEOUT);
        return history.get(history.size() - 1);
    }
}
