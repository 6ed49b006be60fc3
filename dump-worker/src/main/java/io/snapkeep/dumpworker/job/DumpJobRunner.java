package io.snapkeep.dumpworker.job;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.snapkeep.dumpworker.DumpFailure;
import io.snapkeep.dumpworker.config.DumpWorkerConfig;
import io.snapkeep.dumpworker.config.WorkerIdentity;
import io.snapkeep.dumpworker.pg.PgConnection;
import io.snapkeep.dumpworker.pg.PgDumpCommand;
import io.snapkeep.dumpworker.pg.PgDumpLocator;
import io.snapkeep.dumpworker.pg.PgDumpLocator.PgDumpTarget;
import io.snapkeep.dumpworker.pg.PgEnvironment;
import io.snapkeep.dumpworker.pg.PgProcess;
import io.snapkeep.dumpworker.store.ArchiveUploader;
import io.snapkeep.dumpworker.store.ArchiveUploader.UploadedArchive;
import io.snapkeep.dumpworker.store.MultipartUpload;
import io.snapkeep.dumpworker.store.ObjectStore;
import io.snapkeep.messages.DumpJob;
import io.snapkeep.messages.JobEvent;

/**
 * Runs one dump job: CLAIMED, then {@code pg_dump} streamed into a multipart upload with PROGRESS heartbeats, then
 * SUCCEEDED once the store completed the object, or FAILED (upload aborted) with the tool's error.
 */
@ApplicationScoped
public class DumpJobRunner {
    private static final Logger LOG = Logger.getLogger(DumpJobRunner.class);

    private final WorkerIdentity worker;
    private final PasswordOpener passwords;
    private final PgDumpLocator locator;
    private final ObjectStore store;
    private final ArchiveUploader uploader;
    private final JobEventPublisher publisher;
    private final HeartbeatScheduler heartbeats;
    private final DumpMetrics metrics;
    private final int compressionLevel;
    private final Duration connectTimeout;

    DumpJobRunner(WorkerIdentity worker, PasswordOpener passwords, PgDumpLocator locator, ObjectStore store,
            ArchiveUploader uploader, JobEventPublisher publisher, HeartbeatScheduler heartbeats, DumpMetrics metrics,
            DumpWorkerConfig config) {
        this.worker = worker;
        this.passwords = passwords;
        this.locator = locator;
        this.store = store;
        this.uploader = uploader;
        this.publisher = publisher;
        this.heartbeats = heartbeats;
        this.metrics = metrics;
        this.compressionLevel = config.dump().compressionLevel();
        this.connectTimeout = config.dump().connectTimeout();
    }

    void run(DumpJob job, Cancellation cancellation) {
        long start = System.nanoTime();
        JobEvent claimed = JobEvent.claimed(job.jobId(), job.attempt(), worker.id());
        publisher.publishDurably(claimed);
        LOG.infof("job %s (attempt %d): dumping %s into s3://%s/%s", job.jobId(), job.attempt(), describe(job),
                store.bucket(), job.objectKey());
        metrics.started();
        AtomicLong bytes = new AtomicLong();
        Heartbeat heartbeat = heartbeats.start(claimed, bytes::get);
        String password = null;
        Dumped dumped;
        try {
            password = passwords.open(job);
            dumped = dump(job, PgConnection.of(job.connection(), password), bytes, cancellation);
        } catch (Exception e) {
            heartbeat.stop();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            fail(job, bytes.get(), ErrorText.of(e, password), cancellation, elapsed(start));
            return;
        }
        heartbeat.stop();
        metrics.succeeded(elapsed(start));
        UploadedArchive archive = dumped.archive();
        publisher.publishDurably(JobEvent.succeeded(job.jobId(), job.attempt(), worker.id(), archive.size(),
                archive.sha256(), dumped.target().server().number(), dumped.target().tool().versionLine()));
        LOG.infof("job %s: succeeded, %d bytes, sha256 %s, server %s, %s", job.jobId(), archive.size(),
                archive.sha256(), dumped.target().server(), dumped.target().tool().versionLine());
    }

    private Dumped dump(DumpJob job, PgConnection connection, AtomicLong bytes, Cancellation cancellation)
            throws IOException, InterruptedException {
        PgDumpTarget target = locator.locate(connection);
        List<String> command = PgDumpCommand.arguments(target.tool().pgDump(), job.options(), compressionLevel);
        MultipartUpload upload = store.startUpload(job.objectKey());
        try (PgProcess pgDump = PgProcess.start(command, env -> PgEnvironment.apply(env, connection, connectTimeout))) {
            cancellation.onCancel(pgDump::close);
            UploadedArchive archive = uploader.upload(pgDump.stdout(), upload, n -> {
                bytes.addAndGet(n);
                metrics.bytes(n);
            });
            if (pgDump.waitFor() != 0) {
                throw new DumpFailure(pgDump.failureText());
            }
            upload.complete(archive.parts());
            return new Dumped(target, archive);
        } catch (IOException | InterruptedException | RuntimeException e) {
            upload.abort();
            throw e;
        }
    }

    private void fail(DumpJob job, long bytes, String error, Cancellation cancellation, Duration took) {
        if (cancellation.cancelled()) {
            metrics.stopped();
            LOG.warnf("job %s: stopped with the worker after %d bytes, upload aborted; the catalog will dispatch it"
                    + " again when its lease expires", job.jobId(), bytes);
            return;
        }
        metrics.failed(took);
        LOG.warnf("job %s (attempt %d) failed: %s", job.jobId(), job.attempt(), error);
        publisher.publishDurably(JobEvent.failed(job.jobId(), job.attempt(), worker.id(), bytes, error));
    }

    private static String describe(DumpJob job) {
        return job.connection().username() + "@" + job.connection().host() + ":" + job.connection().port() + "/"
                + job.connection().database() + " (format " + job.options().format() + ")";
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private record Dumped(PgDumpTarget target, UploadedArchive archive) {
    }
}
