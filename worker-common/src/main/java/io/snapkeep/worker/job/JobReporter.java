package io.snapkeep.worker.job;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.messages.JobEvent;
import io.snapkeep.worker.JobKind;
import io.snapkeep.worker.config.WorkerIdentity;

/** Opens the {@link JobReport} of each job a worker runs, signed with the worker's name. */
@ApplicationScoped
public class JobReporter {
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

    /** Sends CLAIMED (waiting for Kafka's acknowledgement) and starts the job's heartbeats. */
    public JobReport claim(String jobId, int attempt) {
        JobEvent claimed = JobEvent.claimed(jobId, attempt, worker.id());
        publisher.publishDurably(claimed);
        return new JobReport(claimed, publisher, heartbeats, metrics, kind);
    }
}
