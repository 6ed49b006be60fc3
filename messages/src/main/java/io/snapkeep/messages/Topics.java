package io.snapkeep.messages;

/** Kafka topic names of the contract in {@code shared/design/architecture.md}. */
public final class Topics {
    public static final String SNAPSHOT_REQUESTS = "snapkeep.snapshot-requests";
    public static final String DUMP_JOBS = "snapkeep.dump-jobs";
    public static final String RESTORE_JOBS = "snapkeep.restore-jobs";
    public static final String JOB_EVENTS = "snapkeep.job-events";
    public static final String SNAPSHOT_EVENTS = "snapkeep.snapshot-events";
    public static final String JOB_CONTROL = "snapkeep.job-control";
    public static final String AUDIT_EVENTS = "snapkeep.audit-events";

    private Topics() {
    }
}
