package io.snapkeep.catalog;

/** Life of a job: QUEUED → RUNNING → SUCCEEDED or FAILED (or CANCELLED). */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED
}
