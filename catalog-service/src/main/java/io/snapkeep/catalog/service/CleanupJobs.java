package io.snapkeep.catalog.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.JobStatus;
import io.snapkeep.catalog.JobType;
import io.snapkeep.catalog.repository.JobRepository;
import io.snapkeep.messages.DatabaseNames;
import io.snapkeep.messages.RestoreMode;

/**
 * Starts CLEANUP jobs, inside the caller's transaction: a restore-worker drops the databases a restore left
 * behind — the side databases of a restore given up for lost, or a previous copy whose grace period ended. The cleanup
 * of an in-place restore given up after its swap began also re-opens the target, if a worker killed in the swap left
 * it closed before renaming anything (the job carries the previous copy's name and whether the target was open; the
 * worker leaves the target alone when the previous copy exists, i.e. when the swap happened). A FAILED cleanup is
 * tried again ({@link CleanupRetries}).
 */
@ApplicationScoped
public class CleanupJobs {
    private final JobRepository jobs;
    private final JobDispatcher dispatcher;
    private final JsonColumns json;

    public CleanupJobs(JobRepository jobs, JobDispatcher dispatcher, JsonColumns json) {
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    /** Drops the side databases of every attempt of a restore that was given up. */
    public Uni<Void> dropSides(Job restore, String targetDatabase) {
        if (restore.sideDatabase == null) {
            return Uni.createFrom().voidItem();
        }
        List<String> sides = IntStream.rangeClosed(1, restore.attempt)
                .mapToObj(a -> DatabaseNames.side(targetDatabase, restore.id, a)).toList();
        return start(restore, sides, restore.swapStartedAt != null);
    }

    /**
     * Drops what a job that ended without its worker's word (lease expired, never claimed, cancelled while queued) may
     * have left: for a restore, the side databases of its attempts.
     */
    public Uni<Void> afterAbandoned(Job job) {
        if (job.type != JobType.RESTORE) {
            return Uni.createFrom().voidItem();
        }
        return dispatcher.targetOf(job).chain(target -> dropSides(job, target.database()));
    }

    /** Drops the previous copy an in-place restore kept. */
    public Uni<Void> dropPrevious(Job restore) {
        return start(restore, List.of(restore.previousDatabase), false);
    }

    /**
     * Tries a FAILED CLEANUP job again, as a new CLEANUP job of the same databases that names it ({@code retryOf}); the
     * failed one stays FAILED, as it ended, and points at its retry ({@code cleanupJobId}).
     */
    public Uni<Job> retry(Job failed) {
        Job cleanup = cleanupOf(failed, failed.options);
        cleanup.previousDatabase = failed.previousDatabase;
        cleanup.targetAllowConnections = failed.targetAllowConnections;
        cleanup.retryOf = failed.id;
        cleanup.retryRound = failed.retryRound + 1;
        failed.cleanupJobId = cleanup.id;
        return jobs.persist(cleanup).chain(() -> dispatcher.dispatch(cleanup)).replaceWith(cleanup);
    }

    /** @param settleSwap whether the worker is also to re-open a target the restore's swap left closed */
    private Uni<Void> start(Job restore, List<String> databases, boolean settleSwap) {
        Job cleanup = cleanupOf(restore, json.write(databases));
        if (settleSwap) {
            cleanup.previousDatabase = restore.previousDatabase;
            cleanup.targetAllowConnections = restore.targetAllowConnections;
        }
        restore.cleanupJobId = cleanup.id;
        return jobs.persist(cleanup).chain(() -> dispatcher.dispatch(cleanup));
    }

    private static Job cleanupOf(Job source, String databasesJson) {
        Instant now = Instant.now();
        Job cleanup = new Job();
        cleanup.id = UUID.randomUUID();
        cleanup.type = JobType.CLEANUP;
        cleanup.mode = RestoreMode.DROP_DATABASES.name();
        cleanup.instanceId = source.instanceId;
        cleanup.snapshotId = source.snapshotId;
        cleanup.newInstance = source.newInstance;
        cleanup.options = databasesJson;
        cleanup.status = JobStatus.QUEUED;
        cleanup.attempt = 1;
        cleanup.createdAt = now;
        cleanup.updatedAt = now;
        return cleanup;
    }
}
