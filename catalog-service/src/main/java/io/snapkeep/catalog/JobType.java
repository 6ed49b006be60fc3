package io.snapkeep.catalog;

/** What a job does. */
public enum JobType {
    DUMP, RESTORE
}
