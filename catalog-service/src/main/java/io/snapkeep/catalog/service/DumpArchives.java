package io.snapkeep.catalog.service;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.JobType;
import io.snapkeep.catalog.repository.SnapshotRepository;
import io.snapkeep.catalog.sealing.ArchiveChains;
import io.snapkeep.catalog.store.ArchiveObjects;
import io.snapkeep.catalog.store.StoredArchiveCheck;
import io.snapkeep.messages.ArchiveChain;
import io.snapkeep.messages.ArchiveChecksum;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.JobEventType;
import io.vertx.mutiny.core.Vertx;

/**
 * The archives dump SUCCEEDED events name, inside the caller's transaction. The holding claim's archive must lie under
 * its snapshot's prefix and be in the store as reported (the object's size by HEAD, its SHA-256 by its checksum
 * object; for a sealed object those of the object, recorded with its chain) before the snapshot becomes COMPLETED with
 * that key; otherwise the job fails saying what did not match. The archive of a claim
 * that does not hold the job (a second delivery of the attempt, an attempt given up for lost) is deleted.
 */
@ApplicationScoped
public class DumpArchives {
    private static final Logger LOG = Logger.getLogger(DumpArchives.class);

    private final SnapshotRepository snapshots;
    private final JobOutcomes outcomes;
    private final StoredArchiveCheck check;
    private final ArchiveObjects objects;
    private final Vertx vertx;

    public DumpArchives(SnapshotRepository snapshots, JobOutcomes outcomes, StoredArchiveCheck check,
            ArchiveObjects objects, Vertx vertx) {
        this.snapshots = snapshots;
        this.outcomes = outcomes;
        this.check = check;
        this.objects = objects;
        this.vertx = vertx;
    }

    /** Completes the dump job's snapshot with the archive {@code succeeded} names, once the store confirms it. */
    Uni<Void> complete(Job job, JobEvent succeeded) {
        return complete(job, succeeded,
                mismatch -> outcomes.fail(job, mismatch + ": the snapshot was not completed"));
    }

    /**
     * The same for the late SUCCEEDED of an attempt given up for lost while the job still runs, through the same check;
     * an archive that fails it is deleted, and the job goes on with its current attempt.
     */
    Uni<Void> completeLate(Job job, JobEvent succeeded) {
        return complete(job, succeeded, mismatch -> {
            LOG.warnf("job %s: the late SUCCEEDED of attempt %d is not taken (%s); attempt %d goes on", job.id,
                    succeeded.attempt(), mismatch, job.attempt);
            return discard(job, succeeded);
        });
    }

    private Uni<Void> complete(Job job, JobEvent succeeded, Function<String, Uni<Void>> onMismatch) {
        String key = succeeded.objectKey();
        return snapshots.findById(job.snapshotId).chain(snapshot -> {
            if (!ArchiveKeys.within(snapshot, key)) {
                return onMismatch.apply("the worker reported success but named " + (key == null ? "no archive"
                        : "the archive " + key + ", which is not under " + ArchiveKeys.prefix(snapshot)));
            }
            ArchiveChain chain = succeeded.chain();
            long storedBytes = chain == null ? succeeded.bytes() : chain.storedBytes();
            String storedSha256 = chain == null ? succeeded.sha256() : chain.storedSha256();
            return vertx.executeBlocking(() -> check.mismatch(key, storedBytes, storedSha256))
                    .chain(mismatch -> {
                        if (mismatch.isPresent()) {
                            return onMismatch.apply(mismatch.get());
                        }
                        ArchiveChains.record(snapshot, chain);
                        return outcomes.succeed(job, new JobOutcomes.Result(succeeded.bytes(), succeeded.sha256(),
                                succeeded.serverVersion(), succeeded.toolVersion(), key));
                    });
        });
    }

    /**
     * Deletes the archive (and its checksum object) that a SUCCEEDED the job does not take names, unless it is the
     * snapshot's own (the holding claim's SUCCEEDED delivered again). Other events change nothing here.
     */
    Uni<Void> discard(Job job, JobEvent ignored) {
        String key = ignored.objectKey();
        if (job.type != JobType.DUMP || ignored.type() != JobEventType.SUCCEEDED || key == null) {
            return Uni.createFrom().voidItem();
        }
        return snapshots.findById(job.snapshotId).chain(snapshot -> {
            if (!ArchiveKeys.within(snapshot, key) || key.equals(snapshot.objectKey)) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("job %s: deleting s3://%s/%s, the archive of claim %s (worker %s, attempt %d), which does not"
                    + " hold the job", job.id, objects.bucket(), key, ignored.claimId(), ignored.workerId(),
                    ignored.attempt());
            return vertx.<Void>executeBlocking(() -> {
                objects.delete(key);
                objects.delete(ArchiveChecksum.keyOf(key));
                return null;
            });
        });
    }
}
