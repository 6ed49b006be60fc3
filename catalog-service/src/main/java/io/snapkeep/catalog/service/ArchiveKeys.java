package io.snapkeep.catalog.service;

import java.util.UUID;

import io.snapkeep.catalog.Snapshot;

/**
 * Where a snapshot's objects live in the store: all under {@code snapshots/<instance>/<snapshot>/}, so that deleting
 * the snapshot deletes them all, and a key a worker names outside it is never recorded.
 */
final class ArchiveKeys {
    private ArchiveKeys() {
    }

    static String prefix(Snapshot snapshot) {
        return prefix(snapshot.instanceId, snapshot.id);
    }

    static String prefix(UUID instanceId, UUID snapshotId) {
        return "snapshots/" + instanceId + "/" + snapshotId + "/";
    }

    /** Whether {@code key} names an object right under the snapshot's prefix. */
    static boolean within(Snapshot snapshot, String key) {
        String prefix = prefix(snapshot);
        return key != null && key.startsWith(prefix) && key.length() > prefix.length()
                && key.indexOf('/', prefix.length()) < 0;
    }
}
