package io.snapkeep.catalog;

/** What an instance is doing; anything but AVAILABLE refuses new jobs. */
public enum InstanceStatus {
    AVAILABLE, SNAPSHOTTING, RESTORING
}
