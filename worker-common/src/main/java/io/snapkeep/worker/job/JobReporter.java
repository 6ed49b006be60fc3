package io.snapkeep.worker.job;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.messages.JobEvent;
import io.snapkeep.worker.JobKind;
import io.snapkeep.worker.config.WorkerIdentity;

/**
 * Opens the {@link JobReport} of each job a worker runs, signed with the worker's name and a claim id of its own, made
 * afresh for each job taken: a job delivered twice, even to this worker, is two claims the catalog tells apart.
 */
@ApplicationScoped
public class JobReporter {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WorkerIdentity worker;
    private final JobEventPublisher publisher;
    private final HeartbeatScheduler heartbeats;
    private final JobMetrics metrics;
    private final JobKind kind;

    JobReporter(WorkerIdentity worker, JobEventPublisher publisher, HeartbeatScheduler heartbeats, JobMetrics metrics,
            JobKind kind) {
        this.worker = worker;
        this.publisher = publisher;
        this.heartbeats = heartbeats;
        this.metrics = metrics;
        this.kind = kind;
    }

    /** Sends CLAIMED with a new claim id (waiting for Kafka's acknowledgement) and starts the job's heartbeats. */
    public JobReport claim(String jobId, int attempt) {
        JobEvent claimed = JobEvent.claimed(jobId, attempt, worker.id(), newClaimId());
        publisher.publishDurably(claimed);
        return new JobReport(claimed, publisher, heartbeats, metrics, kind);
    }

    /** 64 random bits in hex: short enough for an object key, and never the same twice in practice. */
    private static String newClaimId() {
        return HexFormat.of().toHexDigits(RANDOM.nextLong());
    }
}
