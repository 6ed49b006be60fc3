package io.snapkeep.restoreworker.job;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.snapkeep.messages.RestoreJob;
import io.snapkeep.restoreworker.restore.RestoreOutcome;
import io.snapkeep.restoreworker.restore.RestorePhases;
import io.snapkeep.restoreworker.restore.RestoreService;
import io.snapkeep.worker.job.Cancellation;
import io.snapkeep.worker.job.JobReport;
import io.snapkeep.worker.job.JobReporter;
import io.snapkeep.worker.job.PasswordOpener;
import io.snapkeep.worker.pg.ConnectionGuard;
import io.snapkeep.worker.pg.PgConnection;
import io.snapkeep.worker.pg.RootCertFile;

/**
 * Runs one restore job: CLAIMED, the host checked again ({@link ConnectionGuard}), then the restore with PROGRESS heartbeats (archive bytes read so far), then
 * SUCCEEDED, or FAILED with the reason (the tool's own error where there is one). Final events wait for Kafka's
 * acknowledgement. A job stopped with the worker reports nothing: the catalog's lease gives it to another worker. One
 * cancelled (its tool killed, its side database dropped) reports CANCELLED, unless it had begun its swap (SWAPPING sent).
 */
@ApplicationScoped
public class RestoreJobRunner {
    private static final Logger LOG = Logger.getLogger(RestoreJobRunner.class);

    private final JobReporter reporter;
    private final PasswordOpener passwords;
    private final RestoreService restores;
    private final ConnectionGuard guard;

    RestoreJobRunner(JobReporter reporter, PasswordOpener passwords, RestoreService restores, ConnectionGuard guard) {
        this.reporter = reporter;
        this.passwords = passwords;
        this.restores = restores;
        this.guard = guard;
    }

    void run(RestoreJob job, Cancellation cancellation) {
        JobReport report = reporter.claim(job.jobId(), job.attempt());
        LOG.infof("job %s (attempt %d): %s", job.jobId(), job.attempt(), describe(job));
        RestoreOutcome outcome;
        try (RootCertFile rootCert = RootCertFile.write(job.target().sslRootCert())) {
            guard.check(job.target());
            String password = passwords.open(job.target(), job.instanceId());
            outcome = restores.restore(job, PgConnection.of(job.target(), password, rootCert.path()),
                    report::progress, report::swapping, cancellation, new RestorePhases(report::expect, report::phase));
        } catch (Exception e) {
            report.failed(e, cancellation);
            return;
        }
        report.succeeded(outcome.bytes(), outcome.sha256(), outcome.serverVersion(), outcome.toolVersion());
        LOG.infof("job %s: succeeded, %d bytes, sha256 %s, server %s, %s", job.jobId(), outcome.bytes(),
                outcome.sha256(), outcome.serverVersion(), outcome.toolVersion());
    }

    private static String describe(RestoreJob job) {
        var t = job.target();
        String what = switch (job.mode()) {
            case DROP_DATABASES -> "dropping " + job.dropDatabases();
            case IN_PLACE -> "restoring in place (through " + job.sideDatabase() + ")";
            case VERIFY -> "verifying (in " + job.sideDatabase() + ")";
            case NEW_DATABASE -> "restoring into a new database (through " + job.sideDatabase() + ")";
            case CLEAN -> "restoring over the existing objects (clean)";
        };
        return what + " on " + t.username() + "@" + t.host() + ":" + t.port() + "/" + t.database()
                + (job.objectKey() == null ? "" : " from " + job.objectKey() + " (" + job.format() + ")");
    }
}
