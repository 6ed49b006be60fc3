package io.snapkeep.worker.job;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.snapkeep.messages.ArchiveChain;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.worker.JobKind;

/**
 * What the catalog hears of one claimed job: PROGRESS heartbeats with the archive bytes so far while it runs, then
 * exactly one final event, SUCCEEDED, FAILED or CANCELLED (stopped on a CANCEL command), once Kafka acknowledged it.
 * A restore about to swap says so (SWAPPING). A job stopped with the worker reports nothing more: its lease expires
 * and the catalog dispatches it again. The job is counted in the metrics as it goes. Every heartbeat also carries what
 * the job expects to move in all ({@link #expect}) and, for a restore, its phase ({@link #phase}); both are sent at
 * once when they change, so that even a short phase is seen.
 */
public final class JobReport {
    private static final Logger LOG = Logger.getLogger(JobReport.class);

    private final JobEvent claimed;
    private final JobEventPublisher publisher;
    private final JobMetrics metrics;
    private final JobKind kind;
    private final AtomicLong bytes = new AtomicLong();
    private volatile Long expectedBytes;
    private volatile String phase;
    private final long start = System.nanoTime();
    private final Heartbeat heartbeat;

    JobReport(JobEvent claimed, JobEventPublisher publisher, HeartbeatScheduler heartbeats, JobMetrics metrics,
            JobKind kind) {
        this.claimed = claimed;
        this.publisher = publisher;
        this.metrics = metrics;
        this.kind = kind;
        metrics.started();
        this.heartbeat = heartbeats.start(this::progressEvent);
    }

    /** Counts {@code count} more archive bytes, for the next heartbeat and the metrics. */
    public void progress(long count) {
        bytes.addAndGet(count);
        metrics.bytes(count);
    }

    /**
     * How many bytes the job expects to move in all (a dump: the database's size; a restore: the archive's), told to
     * the catalog at once: a short job may end before its next heartbeat.
     */
    public void expect(long total) {
        expectedBytes = total;
        heartbeat.beat();
    }

    /** The step the job is now at (one of {@link JobEvent#PHASES}), told to the catalog at once. */
    public void phase(String name) {
        if (!name.equals(phase)) {
            phase = name;
            heartbeat.beat();
        }
    }

    /**
     * Says that the restore began its swap, and waits for Kafka: from now on it can no longer be cancelled.
     *
     * @param targetAllowConnections whether the target accepted connections before the swap closes it (null when
     *                               there is no target to close)
     */
    public void swapping(Boolean targetAllowConnections) {
        phase = "swapping";
        publisher.publishDurably(JobEvent.swapping(claimed, bytes.get(), targetAllowConnections, expectedBytes));
    }

    private JobEvent progressEvent() {
        return JobEvent.progress(claimed, bytes.get(), expectedBytes, phase);
    }

    /** This claim's id, as every event of the job carries it. */
    public String claimId() {
        return claimed.claimId();
    }

    public void succeeded(long size, String sha256, String serverVersion, String toolVersion) {
        succeeded(size, sha256, serverVersion, toolVersion, null, null);
    }

    /** SUCCEEDED of a dump, naming the object this claim wrote and how it was made from the archive. */
    public void succeeded(long size, String sha256, String serverVersion, String toolVersion, String objectKey,
            ArchiveChain chain) {
        heartbeat.stop();
        metrics.succeeded(elapsed());
        publisher.publishDurably(JobEvent.succeeded(claimed, size, sha256, serverVersion, toolVersion, objectKey,
                chain));
    }

    /**
     * Reports {@code failure} as FAILED, with its {@link ErrorText}, unless the job was stopped: CANCELLED when a
     * CANCEL command stopped it, only a log line when the worker did.
     */
    public void failed(Exception failure, Cancellation cancellation) {
        heartbeat.stop();
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (cancellation.cancelledBy() != null) {
            metrics.stopped();
            LOG.infof("job %s: cancelled by %s after %d bytes, %s", claimed.jobId(), cancellation.cancelledBy(),
                    bytes.get(), kind.afterStop());
            publisher.publishDurably(JobEvent.cancelled(claimed, bytes.get()));
            return;
        }
        if (cancellation.cancelled()) {
            metrics.stopped();
            LOG.warnf("job %s: stopped with the worker after %d bytes, %s; the catalog will dispatch it again when its"
                    + " lease expires", claimed.jobId(), bytes.get(), kind.afterStop());
            return;
        }
        String error = ErrorText.of(failure, kind);
        metrics.failed(elapsed());
        LOG.warnf("job %s (attempt %d) failed: %s", claimed.jobId(), claimed.attempt(), error);
        publisher.publishDurably(JobEvent.failed(claimed, bytes.get(), error));
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
