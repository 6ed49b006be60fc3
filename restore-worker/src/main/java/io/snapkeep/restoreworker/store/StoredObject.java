package io.snapkeep.restoreworker.store;

/** An archive in the store as a HeadObject saw it: its size, and the ETag that pins this very version of it. */
public record StoredObject(String key, long size, String eTag) {
}
