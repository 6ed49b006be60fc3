package io.snapkeep.messages;

/**
 * {@code keepOwners}: restore owners and privileges (default: {@code --no-owner --no-privileges}, so dumps of
 * other roles restore without them). {@code parallelJobs} above 1: download the archive to a temporary file first
 * and run {@code pg_restore -j} (custom format only).
 */
public record RestoreOptions(boolean keepOwners, int parallelJobs) {

    public static RestoreOptions defaults() {
        return new RestoreOptions(false, 1);
    }
}
