package io.snapkeep.dumpworker.job;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.snapkeep.archive.SealedSummary;
import io.snapkeep.archive.SealingInputStream;
import io.snapkeep.dumpworker.DumpFailure;
import io.snapkeep.dumpworker.config.DumpWorkerConfig;
import io.snapkeep.dumpworker.pg.DatabaseSizeProbe;
import io.snapkeep.dumpworker.pg.PgDumpCommand;
import io.snapkeep.dumpworker.pg.PgDumpLocator;
import io.snapkeep.dumpworker.pg.PgDumpLocator.PgDumpTarget;
import io.snapkeep.dumpworker.store.ArchiveUploader;
import io.snapkeep.dumpworker.store.ArchiveUploader.UploadedArchive;
import io.snapkeep.dumpworker.store.MultipartUpload;
import io.snapkeep.dumpworker.store.ObjectStore;
import io.snapkeep.messages.ArchiveChain;
import io.snapkeep.messages.DumpJob;
import io.snapkeep.worker.archive.ArchiveStages;
import io.snapkeep.worker.job.Cancellation;
import io.snapkeep.worker.job.JobReport;
import io.snapkeep.worker.job.JobReporter;
import io.snapkeep.worker.job.PasswordOpener;
import io.snapkeep.worker.pg.ConnectionGuard;
import io.snapkeep.worker.pg.PgConnection;
import io.snapkeep.worker.pg.PgEnvironment;
import io.snapkeep.worker.pg.PgProcess;
import io.snapkeep.worker.pg.RootCertFile;

/**
 * Runs one dump job: CLAIMED, the host checked again ({@link ConnectionGuard}), then {@code pg_dump} streamed into a
 * multipart upload to this claim's own {@link ArchiveKey} with PROGRESS heartbeats (archive bytes so far, and the
 * database's size as {@code expectedBytes}, read by {@link DatabaseSizeProbe}), sealed on
 * the way ({@link SealingInputStream}: compressed, encrypted under the active archive key), then SUCCEEDED naming the
 * object and its chain once the store completed it (with the object's checksum beside it), or FAILED (upload
 * aborted) with the tool's error.
 */
@ApplicationScoped
public class DumpJobRunner {
    private static final Logger LOG = Logger.getLogger(DumpJobRunner.class);

    private final JobReporter reporter;
    private final PasswordOpener passwords;
    private final PgDumpLocator locator;
    private final ObjectStore store;
    private final ArchiveUploader uploader;
    private final PgEnvironment client;
    private final ConnectionGuard guard;
    private final DatabaseSizeProbe sizes;
    private final int compressionLevel;
    private final ArchiveStages stages;

    DumpJobRunner(JobReporter reporter, PasswordOpener passwords, PgDumpLocator locator, ObjectStore store,
            ArchiveUploader uploader, PgEnvironment client, ConnectionGuard guard, DatabaseSizeProbe sizes,
            DumpWorkerConfig config,
            ArchiveStages stages) {
        this.reporter = reporter;
        this.passwords = passwords;
        this.locator = locator;
        this.store = store;
        this.uploader = uploader;
        this.client = client;
        this.guard = guard;
        this.sizes = sizes;
        this.compressionLevel = config.dump().compressionLevel();
        this.stages = stages;
    }

    void run(DumpJob job, Cancellation cancellation) {
        JobReport report = reporter.claim(job.jobId(), job.attempt());
        String key = ArchiveKey.of(job, report.claimId());
        LOG.infof("job %s (attempt %d, claim %s): dumping %s into s3://%s/%s", job.jobId(), job.attempt(),
                report.claimId(), describe(job), store.bucket(), key);
        String password = null;
        Dumped dumped;
        try (RootCertFile rootCert = RootCertFile.write(job.connection().sslRootCert())) {
            guard.check(job.connection());
            password = passwords.open(job.connection(), job.instanceId());
            dumped = dump(job, key, PgConnection.of(job.connection(), password, rootCert.path()), report,
                    cancellation);
        } catch (Exception e) {
            report.failed(e, cancellation);
            return;
        }
        SealedSummary archive = dumped.archive();
        report.succeeded(archive.archiveBytes(), archive.archiveSha256(), dumped.target().server().number(),
                dumped.target().tool().versionLine(), key, chainOf(archive));
        LOG.infof("job %s: succeeded, archive %d bytes, sha256 %s, stored %d bytes (%s, %s), server %s, %s",
                job.jobId(), archive.archiveBytes(), archive.archiveSha256(), archive.objectBytes(),
                archive.codec().label(), ArchiveChain.AES_256_GCM, dumped.target().server(),
                dumped.target().tool().versionLine());
    }

    private static ArchiveChain chainOf(SealedSummary sealed) {
        return new ArchiveChain(sealed.codec().label(), ArchiveChain.AES_256_GCM, sealed.formatVersion(),
                sealed.key().keyId(), sealed.key().sealedBase64(), sealed.segmentSize(), sealed.objectBytes(),
                sealed.objectSha256());
    }

    private Dumped dump(DumpJob job, String key, PgConnection connection, JobReport report,
            Cancellation cancellation) throws IOException, InterruptedException {
        PgDumpTarget target = locator.locate(connection);
        sizes.size(target.tool(), connection).ifPresent(report::expect);
        List<String> command = PgDumpCommand.arguments(target.tool().pgDump(), job.options(), compressionLevel);
        MultipartUpload upload = store.startUpload(key);
        try (PgProcess pgDump = PgProcess.start(command, env -> client.apply(env, connection),
                PgProcess.Pipe.STDOUT);
                SealingInputStream sealed = SealingInputStream.of(new ProgressInput(pgDump.stdout(),
                        report::progress), stages.keyring(), stages.settings())) {
            cancellation.onCancel(pgDump::close);
            LOG.infof("job %s: pg_dump started (%s)", job.jobId(), target.tool().versionLine());
            UploadedArchive stored = uploader.upload(sealed, upload, storedBytes -> { });
            if (pgDump.waitFor() != 0) {
                throw new DumpFailure(pgDump.failureText());
            }
            upload.complete(stored);
            return new Dumped(target, sealed.summary());
        } catch (IOException | InterruptedException | RuntimeException e) {
            upload.abort();
            throw e;
        }
    }

    private static String describe(DumpJob job) {
        return job.connection().username() + "@" + job.connection().host() + ":" + job.connection().port() + "/"
                + job.connection().database() + " (format " + job.options().format() + ")";
    }

    private record Dumped(PgDumpTarget target, SealedSummary archive) {
    }
}
