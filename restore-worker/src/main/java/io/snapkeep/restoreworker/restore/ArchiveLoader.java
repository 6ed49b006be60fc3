package io.snapkeep.restoreworker.restore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.snapkeep.messages.RestoreJob;
import io.snapkeep.restoreworker.RestoreFailure;
import io.snapkeep.restoreworker.config.RestoreWorkerConfig;
import io.snapkeep.restoreworker.pg.ArchiveFormat;
import io.snapkeep.restoreworker.pg.RestoreCommand;
import io.snapkeep.restoreworker.plain.PlainDumpFilter;
import io.snapkeep.restoreworker.store.ArchiveStream;
import io.snapkeep.restoreworker.store.ObjectStore;
import io.snapkeep.restoreworker.store.ResumableObjectStream;
import io.snapkeep.restoreworker.store.SpooledArchive;
import io.snapkeep.restoreworker.store.StoredObject;
import io.snapkeep.worker.archive.ArchiveStages;
import io.snapkeep.worker.job.Cancellation;
import io.snapkeep.worker.pg.PgConnection;
import io.snapkeep.worker.pg.PgEnvironment;
import io.snapkeep.worker.pg.PgInstall;

/**
 * Applies a job's archive to one database. By default the object streams from the store, opened on the way
 * ({@link OpenedArchive}: authenticated, decompressed), straight into
 * {@code pg_restore} (custom, tar) or {@code psql} (plain, through {@link PlainDumpFilter}), with bounded memory, and
 * is checked (size, SHA-256) once read to its end: the caller swaps nothing in before this returned. A parallel
 * restore ({@code parallelJobs > 1}, custom format) and a CLEAN restore first download the archive to a temporary
 * file and check it, so that a corrupt archive never reaches the target; the file is deleted afterwards. The phases
 * told: streamed, {@code downloading} until the tool starts, {@code restoring} while the object streams into it (the
 * download goes on meanwhile), {@code checking} the checksum at its end; spooled, {@code downloading} to the file,
 * {@code checking} it, then {@code restoring} from it. The size expected is the stored object's, as progress counts it.
 */
@ApplicationScoped
public class ArchiveLoader {
    private static final Logger LOG = Logger.getLogger(ArchiveLoader.class);

    private final ObjectStore store;
    private final Path tempDir;
    private final PgEnvironment client;
    private final ArchiveStages stages;

    ArchiveLoader(ObjectStore store, PgEnvironment client, RestoreWorkerConfig config, ArchiveStages stages) {
        this.store = store;
        this.client = client;
        this.stages = stages;
        this.tempDir = Path.of(config.restore().tempDir());
    }

    /**
     * @param target the target's login; the archive goes to its server's {@code database}
     * @param clean drop what the archive holds first, all in one transaction (mode CLEAN)
     */
    public LoadedArchive load(RestoreJob job, PgInstall tool, PgConnection target, String database, boolean clean,
            LongConsumer progress, Cancellation cancellation, RestorePhases phases)
            throws IOException, InterruptedException {
        ArchiveFormat format = ArchiveFormat.parse(job.format());
        phases.enter("downloading");
        StoredObject object = store.describe(job.objectKey());
        phases.expect(object.size());
        long storedSize = job.chain() == null ? job.sizeBytes() : job.chain().storedBytes();
        if (storedSize > 0 && object.size() != storedSize) {
            throw new RestoreFailure("the object in the store holds " + object.size() + " bytes, the snapshot "
                    + storedSize + ": it is truncated or was replaced; nothing was restored");
        }
        int jobs = format == ArchiveFormat.CUSTOM ? Math.max(1, job.options().parallelJobs()) : 1;
        RestoreCommand.Settings settings = new RestoreCommand.Settings(database, job.options().keepOwners(), clean,
                jobs);
        PgConnection into = target.withDatabase(database);
        String name = "s3://" + store.bucket() + "/" + object.key();
        try (ArchiveStream stored = new ArchiveStream(
                new ResumableObjectStream(offset -> store.open(object, offset), object.size(), name), progress);
                OpenedArchive archive = OpenedArchive.open(job, stored, stages.keyring())) {
            if (clean || jobs > 1) {
                return fromFile(job, tool, format, settings, into, archive, cancellation, phases);
            }
            return streamed(job, tool, format, settings, into, archive, cancellation, phases);
        }
    }

    private LoadedArchive streamed(RestoreJob job, PgInstall tool, ArchiveFormat format,
            RestoreCommand.Settings settings, PgConnection into, OpenedArchive archive, Cancellation cancellation,
            RestorePhases phases) throws IOException, InterruptedException {
        RestoreCommand command = format == ArchiveFormat.PLAIN ? RestoreCommand.psql(tool, settings)
                : RestoreCommand.pgRestore(tool, format, settings, Optional.empty());
        phases.enter("restoring");
        ToolRun.Result result = ToolRun.feed(command, env -> client.apply(env, into), archive.stream(),
                filter(format, settings), true, cancellation);
        phases.enter("checking");
        String sha256;
        try {
            sha256 = archive.verify();
        } catch (RestoreFailure corrupt) {
            throw result.succeeded() ? corrupt
                    : new RestoreFailure(corrupt.getMessage() + " (" + result.failure() + ")", corrupt);
        }
        if (!result.succeeded()) {
            throw new RestoreFailure(result.failure());
        }
        return new LoadedArchive(archive.stream().bytes(), sha256, command.toolVersion());
    }

    private LoadedArchive fromFile(RestoreJob job, PgInstall tool, ArchiveFormat format,
            RestoreCommand.Settings settings, PgConnection into, OpenedArchive archive, Cancellation cancellation,
            RestorePhases phases) throws IOException, InterruptedException {
        try (SpooledArchive spooled = SpooledArchive.download(archive.stream(), job.sizeBytes(), tempDir)) {
            phases.enter("checking");
            String sha256 = archive.verify();
            phases.enter("restoring");
            LOG.debugf("job %s: archive downloaded to %s and checked", job.jobId(), spooled.file());
            ToolRun.Result result;
            RestoreCommand command;
            if (format == ArchiveFormat.PLAIN) {
                command = RestoreCommand.psql(tool, settings);
                try (InputStream in = spooled.open()) {
                    result = ToolRun.feed(command, env -> client.apply(env, into), in,
                            filter(format, settings), false, cancellation);
                }
            } else {
                command = RestoreCommand.pgRestore(tool, format, settings, Optional.of(spooled.file()));
                result = ToolRun.run(command, env -> client.apply(env, into), cancellation);
            }
            if (!result.succeeded()) {
                throw new RestoreFailure(result.failure());
            }
            return new LoadedArchive(archive.stream().bytes(), sha256, command.toolVersion());
        }
    }

    private static UnaryOperator<OutputStream> filter(ArchiveFormat format, RestoreCommand.Settings settings) {
        if (format != ArchiveFormat.PLAIN) {
            return UnaryOperator.identity();
        }
        return out -> new PlainDumpFilter(out, settings.keepOwners(), settings.clean());
    }
}
