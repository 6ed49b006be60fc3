package io.snapkeep.messages;

/** What a worker reports about a job it works on. */
public enum JobEventType {
    CLAIMED, PROGRESS, SUCCEEDED, FAILED
}
