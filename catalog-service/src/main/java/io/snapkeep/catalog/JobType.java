package io.snapkeep.catalog;

/** What a job does; CLEANUP drops databases a restore left behind. */
public enum JobType {
    DUMP, RESTORE, CLEANUP
}
