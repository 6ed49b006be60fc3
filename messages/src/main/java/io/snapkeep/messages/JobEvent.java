package io.snapkeep.messages;

import java.time.Instant;

/**
 * On {@link Topics#JOB_EVENTS}, keyed by job id. {@code bytes} is the progress (or the final size),
 * {@code sha256} and the versions are set on SUCCEEDED, {@code error} on FAILED.
 */
public record JobEvent(int v, String jobId, int attempt, String workerId, JobEventType type, long bytes,
        String sha256, String serverVersion, String toolVersion, String error, Instant at) {

    public static JobEvent claimed(String jobId, int attempt, String workerId) {
        return new JobEvent(1, jobId, attempt, workerId, JobEventType.CLAIMED, 0, null, null, null, null,
                Instant.now());
    }

    public static JobEvent progress(String jobId, int attempt, String workerId, long bytes) {
        return new JobEvent(1, jobId, attempt, workerId, JobEventType.PROGRESS, bytes, null, null, null, null,
                Instant.now());
    }

    public static JobEvent swapping(String jobId, int attempt, String workerId, long bytes) {
        return new JobEvent(1, jobId, attempt, workerId, JobEventType.SWAPPING, bytes, null, null, null, null,
                Instant.now());
    }

    public static JobEvent cancelled(String jobId, int attempt, String workerId, long bytes) {
        return new JobEvent(1, jobId, attempt, workerId, JobEventType.CANCELLED, bytes, null, null, null, null,
                Instant.now());
    }

    public static JobEvent succeeded(String jobId, int attempt, String workerId, long bytes, String sha256,
            String serverVersion, String toolVersion) {
        return new JobEvent(1, jobId, attempt, workerId, JobEventType.SUCCEEDED, bytes, sha256, serverVersion,
                toolVersion, null, Instant.now());
    }

    public static JobEvent failed(String jobId, int attempt, String workerId, long bytes, String error) {
        return new JobEvent(1, jobId, attempt, workerId, JobEventType.FAILED, bytes, null, null, null, error,
                Instant.now());
    }
}
