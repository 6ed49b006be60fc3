package io.snapkeep.catalog.sealing;

import io.snapkeep.archive.WrappedKey;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.messages.ArchiveChain;

/** A snapshot's chain as its columns hold it, and back: null for a snapshot stored as its archive. */
public final class ArchiveChains {
    private ArchiveChains() {
    }

    public static ArchiveChain of(Snapshot snapshot) {
        if (snapshot.codec == null) {
            return null;
        }
        return new ArchiveChain(snapshot.codec, snapshot.encryption, snapshot.formatVersion, snapshot.keyId,
                snapshot.wrappedKey, snapshot.segmentSize, snapshot.storedBytes, snapshot.storedSha256);
    }

    public static void record(Snapshot snapshot, ArchiveChain chain) {
        if (chain == null) {
            return;
        }
        snapshot.codec = chain.codec();
        snapshot.encryption = chain.encryption();
        snapshot.formatVersion = chain.formatVersion();
        snapshot.keyId = chain.keyId();
        snapshot.wrappedKey = chain.wrappedKey();
        snapshot.segmentSize = chain.segmentSize();
        snapshot.storedBytes = chain.storedBytes();
        snapshot.storedSha256 = chain.storedSha256();
    }

    /** The data key as the snapshot holds it now (after any re-wrap). */
    public static WrappedKey keyOf(Snapshot snapshot) {
        return WrappedKey.of(snapshot.keyId, snapshot.wrappedKey);
    }
}
