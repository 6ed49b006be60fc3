package io.snapkeep.messages;

import java.time.Instant;
import java.util.List;

/**
 * On {@link Topics#JOB_EVENTS}, keyed by job id. {@code bytes} is the progress (or the final size),
 * {@code sha256} and the versions are set on SUCCEEDED, {@code error} on FAILED. {@code claimId} names the worker's
 * claim of the attempt (a random id made when it took the job), on every event of that claim, so that two deliveries
 * of one attempt, even to one worker, are told apart; {@code objectKey} is set on the SUCCEEDED of a dump: the object
 * the claim wrote, with {@code chain}, how that object was made from the archive ({@code bytes} and {@code sha256} are
 * the archive's). {@code targetAllowConnections} is set on the SWAPPING of an in-place restore: whether the target accepted
 * connections before the swap closed it, so that whoever finds it closed after a crash knows whether to re-open it.
 * {@code expectedBytes} (null when unknown) is how many bytes the job expects to move in all: for a dump the database's
 * size, for a restore the archive's; {@code phase} (null for a dump) is the step a restore is at, one of
 * {@link #PHASES}. Both ride on PROGRESS and SWAPPING, and a reader of an older event finds them null.
 */
public record JobEvent(int v, String jobId, int attempt, String workerId, JobEventType type, long bytes,
        String sha256, String serverVersion, String toolVersion, String error, Instant at, String claimId,
        String objectKey, Boolean targetAllowConnections, ArchiveChain chain, Long expectedBytes, String phase) {

    /** The phases of a restore, in the order a streamed restore passes them. */
    public static final List<String> PHASES = List.of("downloading", "restoring", "checking", "swapping");

    public static JobEvent claimed(String jobId, int attempt, String workerId, String claimId) {
        return new JobEvent(1, jobId, attempt, workerId, JobEventType.CLAIMED, 0, null, null, null, null,
                Instant.now(), claimId, null, null, null, null, null);
    }

    public static JobEvent progress(JobEvent claimed, long bytes) {
        return progress(claimed, bytes, null, null);
    }

    /** PROGRESS with what the job expects in all (null when unknown) and, for a restore, its phase. */
    public static JobEvent progress(JobEvent claimed, long bytes, Long expectedBytes, String phase) {
        return new JobEvent(1, claimed.jobId(), claimed.attempt(), claimed.workerId(), JobEventType.PROGRESS, bytes,
                null, null, null, null, Instant.now(), claimed.claimId(), null, null, null, expectedBytes, phase);
    }

    /**
     * SWAPPING, in the phase {@code swapping}.
     *
     * @param targetAllowConnections the target's ALLOW_CONNECTIONS before the swap, or null without a target
     * @param expectedBytes what the restore expects in all, or null when unknown
     */
    public static JobEvent swapping(JobEvent claimed, long bytes, Boolean targetAllowConnections, Long expectedBytes) {
        return new JobEvent(1, claimed.jobId(), claimed.attempt(), claimed.workerId(), JobEventType.SWAPPING, bytes,
                null, null, null, null, Instant.now(), claimed.claimId(), null, targetAllowConnections, null,
                expectedBytes, "swapping");
    }

    public static JobEvent cancelled(JobEvent claimed, long bytes) {
        return new JobEvent(1, claimed.jobId(), claimed.attempt(), claimed.workerId(), JobEventType.CANCELLED, bytes,
                null, null, null, null, Instant.now(), claimed.claimId(), null, null, null, null, null);
    }

    /** @param objectKey the object a dump wrote, or null for other jobs; {@code chain} how it was made, or null */
    public static JobEvent succeeded(JobEvent claimed, long bytes, String sha256, String serverVersion,
            String toolVersion, String objectKey, ArchiveChain chain) {
        return new JobEvent(1, claimed.jobId(), claimed.attempt(), claimed.workerId(), JobEventType.SUCCEEDED, bytes,
                sha256, serverVersion, toolVersion, null, Instant.now(), claimed.claimId(), objectKey, null, chain, null,
                null);
    }

    public static JobEvent failed(JobEvent claimed, long bytes, String error) {
        return new JobEvent(1, claimed.jobId(), claimed.attempt(), claimed.workerId(), JobEventType.FAILED, bytes,
                null, null, null, error, Instant.now(), claimed.claimId(), null, null, null, null, null);
    }
}
