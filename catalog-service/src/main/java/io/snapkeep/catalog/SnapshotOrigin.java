package io.snapkeep.catalog;

/** How a snapshot came to be. */
public enum SnapshotOrigin {
    ON_DEMAND, SCHEDULED, UPLOADED
}
