package io.snapkeep.messages;

/**
 * On {@link Topics#DUMP_JOBS}, keyed by instance id: dump one database into an object under {@code keyPrefix}. Each
 * claim of the job names its own object, {@code <keyPrefix>attempt-<attempt>-<claim id>.<extension>}, so that two
 * deliveries of one attempt never write the same object.
 */
public record DumpJob(int v, String jobId, String snapshotId, String instanceId, int attempt,
        ConnectionSpec connection, DumpOptions options, String keyPrefix, String extension) implements JobMessage {
}
