package io.snapkeep.messages;

import java.util.List;

/**
 * On {@link Topics#RESTORE_JOBS}, keyed by instance id. {@code target.sealedPassword} opens with context
 * {@code instanceId} (for NEW_DATABASE, the id the new instance will get). {@code sourceServerVersion} is the
 * version of the server the snapshot was dumped from, when known: a target of an older major version is refused.
 * The catalog names the side and previous databases, so it knows them whatever happens to the worker;
 * {@code dropDatabases} are dropped (if they exist) before anything else, e.g. the side databases of earlier
 * attempts of this job. {@code previousDatabase} stays the same for every attempt of a job, so a retry can tell that
 * an earlier attempt already swapped. {@code targetAllowConnections} is set once an attempt reported SWAPPING: whether
 * the target accepted connections before that attempt closed it; a later attempt (or the cleanup job of a restore
 * given up) re-opens a target it finds closed only when it was open. {@code chain} tells
 * how the stored object was made from the archive (null: it is the archive).
 */
public record RestoreJob(int v, String jobId, String snapshotId, String instanceId, int attempt, RestoreMode mode,
        String objectKey, String format, String sha256, long sizeBytes, String sourceServerVersion,
        ConnectionSpec target, RestoreOptions options, String sideDatabase, String previousDatabase,
        List<String> dropDatabases, Boolean targetAllowConnections, ArchiveChain chain) implements JobMessage {

    public RestoreJob {
        dropDatabases = dropDatabases == null ? List.of() : List.copyOf(dropDatabases);
        options = options == null ? RestoreOptions.defaults() : options;
    }
}
