package io.snapkeep.messages;

/** On {@link Topics#DUMP_JOBS}, keyed by instance id: dump one database into {@code objectKey}. */
public record DumpJob(int v, String jobId, String snapshotId, String instanceId, int attempt,
        ConnectionSpec connection, DumpOptions options, String objectKey) implements JobMessage {
}
