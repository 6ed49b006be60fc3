package io.snapkeep.messages;

/**
 * {@code keepOwners}: restore owners and privileges (default: {@code --no-owner --no-privileges}, so dumps of
 * other roles restore without them). {@code parallelJobs} above 1: download the archive to a temporary file first
 * and run {@code pg_restore -j} (custom format only). {@code untrustedArchive}: the archive was uploaded, so its SQL
 * is anyone's; the worker then refuses a superuser target role unless {@code allowSuperuser}.
 */
public record RestoreOptions(boolean keepOwners, int parallelJobs, boolean untrustedArchive, boolean allowSuperuser) {

    public static RestoreOptions defaults() {
        return new RestoreOptions(false, 1, false, false);
    }
}
