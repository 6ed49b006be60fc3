package io.snapkeep.catalog.service;

import java.util.UUID;

import io.snapkeep.catalog.Snapshot;

/**
 * Where a snapshot's objects live in the store: all under {@code snapshots/<instance>/<snapshot>/}, so that deleting
 * the snapshot deletes them all, and a key a worker names outside it is never recorded.
 */
final class ArchiveKeys {
    /** Where every snapshot's objects live. */
    static final String ROOT = "snapshots/";

    private ArchiveKeys() {
    }

    /**
     * The snapshot prefix ({@code snapshots/<instance>/<snapshot>/}) {@code key} lies under, or null for a key not shaped
     * like one (those are left alone).
     */
    static String snapshotPrefixOf(String key) {
        String[] parts = key.split("/", 4);
        if (parts.length < 4 || !parts[0].equals("snapshots") || uuidOrNull(parts[2]) == null
                || uuidOrNull(parts[1]) == null) {
            return null;
        }
        return ROOT + parts[1] + "/" + parts[2] + "/";
    }

    /** The snapshot id of a prefix {@link #snapshotPrefixOf} gave. */
    static UUID snapshotIdOfPrefix(String prefix) {
        return UUID.fromString(prefix.split("/")[2]);
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String prefix(Snapshot snapshot) {
        return prefix(snapshot.instanceId, snapshot.id);
    }

    static String prefix(UUID instanceId, UUID snapshotId) {
        return ROOT + instanceId + "/" + snapshotId + "/";
    }

    /** Whether {@code key} names an object right under the snapshot's prefix. */
    static boolean within(Snapshot snapshot, String key) {
        String prefix = prefix(snapshot);
        return key != null && key.startsWith(prefix) && key.length() > prefix.length()
                && key.indexOf('/', prefix.length()) < 0;
    }
}
