package io.snapkeep.messages;

/**
 * What a worker reports about a job it works on. SWAPPING is a restore's heartbeat saying it began its swap (from then
 * on it can no longer be cancelled); CANCELLED ends a job the worker stopped on a {@link JobControl} CANCEL.
 */
public enum JobEventType {
    CLAIMED, PROGRESS, SWAPPING, SUCCEEDED, FAILED, CANCELLED
}
