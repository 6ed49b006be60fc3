package io.snapkeep.restoreworker.job;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.RestoreJob;
import io.snapkeep.restoreworker.Cancellation;
import io.snapkeep.restoreworker.config.WorkerIdentity;
import io.snapkeep.restoreworker.pg.PgConnection;
import io.snapkeep.restoreworker.restore.RestoreOutcome;
import io.snapkeep.restoreworker.restore.RestoreService;

/**
 * Runs one restore job: CLAIMED, then the restore with PROGRESS heartbeats (archive bytes read so far), then
 * SUCCEEDED, or FAILED with the reason (the tool's own error where there is one). Final events wait for Kafka's
 * acknowledgement. A job stopped with the worker reports nothing: the catalog's lease gives it to another worker.
 */
@ApplicationScoped
public class RestoreJobRunner {
    private static final Logger LOG = Logger.getLogger(RestoreJobRunner.class);

    private final WorkerIdentity worker;
    private final PasswordOpener passwords;
    private final RestoreService restores;
    private final JobEventPublisher publisher;
    private final HeartbeatScheduler heartbeats;
    private final RestoreMetrics metrics;

    RestoreJobRunner(WorkerIdentity worker, PasswordOpener passwords, RestoreService restores,
            JobEventPublisher publisher, HeartbeatScheduler heartbeats, RestoreMetrics metrics) {
        this.worker = worker;
        this.passwords = passwords;
        this.restores = restores;
        this.publisher = publisher;
        this.heartbeats = heartbeats;
        this.metrics = metrics;
    }

    void run(RestoreJob job, Cancellation cancellation) {
        long start = System.nanoTime();
        JobEvent claimed = JobEvent.claimed(job.jobId(), job.attempt(), worker.id());
        publisher.publishDurably(claimed);
        LOG.infof("job %s (attempt %d): %s", job.jobId(), job.attempt(), describe(job));
        metrics.started();
        AtomicLong bytes = new AtomicLong();
        Heartbeat heartbeat = heartbeats.start(claimed, bytes::get);
        String password = null;
        RestoreOutcome outcome;
        try {
            password = passwords.open(job);
            outcome = restores.restore(job, PgConnection.of(job.target(), password), n -> {
                bytes.addAndGet(n);
                metrics.bytes(n);
            }, cancellation);
        } catch (Exception e) {
            heartbeat.stop();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            fail(job, bytes.get(), ErrorText.of(e, password), cancellation, elapsed(start));
            return;
        }
        heartbeat.stop();
        publisher.publishDurably(JobEvent.succeeded(job.jobId(), job.attempt(), worker.id(), outcome.bytes(),
                outcome.sha256(), outcome.serverVersion(), outcome.toolVersion()));
        metrics.succeeded(elapsed(start));
        LOG.infof("job %s: succeeded, %d bytes, sha256 %s, server %s, %s", job.jobId(), outcome.bytes(),
                outcome.sha256(), outcome.serverVersion(), outcome.toolVersion());
    }

    private void fail(RestoreJob job, long bytes, String error, Cancellation cancellation, Duration took) {
        if (cancellation.cancelled()) {
            metrics.stopped();
            LOG.warnf("job %s: stopped with the worker after %d bytes; the target was not touched and the catalog"
                    + " will dispatch the job again when its lease expires", job.jobId(), bytes);
            return;
        }
        metrics.failed(took);
        LOG.warnf("job %s (attempt %d) failed: %s", job.jobId(), job.attempt(), error);
        publisher.publishDurably(JobEvent.failed(job.jobId(), job.attempt(), worker.id(), bytes, error));
    }

    private static String describe(RestoreJob job) {
        var t = job.target();
        String what = switch (job.mode()) {
            case DROP_DATABASES -> "dropping " + job.dropDatabases();
            case IN_PLACE -> "restoring in place (through " + job.sideDatabase() + ")";
            case VERIFY -> "verifying (in " + job.sideDatabase() + ")";
            case NEW_DATABASE -> "restoring into a new database";
            case CLEAN -> "restoring over the existing objects (clean)";
        };
        return what + " on " + t.username() + "@" + t.host() + ":" + t.port() + "/" + t.database()
                + (job.objectKey() == null ? "" : " from " + job.objectKey() + " (" + job.format() + ")");
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
