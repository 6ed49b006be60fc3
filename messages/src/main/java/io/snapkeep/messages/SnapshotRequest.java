package io.snapkeep.messages;

/**
 * On {@link Topics#SNAPSHOT_REQUESTS}: ask for a snapshot of an instance named by {@code instanceId} or
 * {@code instanceName}. The catalog makes at most one snapshot per {@code requestId}.
 */
public record SnapshotRequest(int v, String requestId, String instanceId, String instanceName, String name,
        String origin, DumpOptions options) {
}
