package io.snapkeep.restoreworker.restore;

import java.io.IOException;

import io.snapkeep.archive.ArchiveKeyring;
import io.snapkeep.archive.SealedArchiveReader;
import io.snapkeep.archive.WrappedKey;
import io.snapkeep.messages.ArchiveChain;
import io.snapkeep.messages.RestoreJob;
import io.snapkeep.restoreworker.RestoreFailure;
import io.snapkeep.restoreworker.store.ArchiveStream;

/**
 * A job's archive as read from its stored object: through the object's chain when it has one (each chunk
 * authenticated and decompressed as it is read, so a tampered object fails the read), or the object itself.
 * {@link #verify()} checks, once read to the end, the object against its recorded size and SHA-256 and the archive
 * against the snapshot's.
 */
final class OpenedArchive implements AutoCloseable {
    private final RestoreJob job;
    private final ArchiveStream stored;
    private final ArchiveStream archive;

    private OpenedArchive(RestoreJob job, ArchiveStream stored, ArchiveStream archive) {
        this.job = job;
        this.stored = stored;
        this.archive = archive;
    }

    static OpenedArchive open(RestoreJob job, ArchiveStream stored, ArchiveKeyring keyring) throws IOException {
        ArchiveChain chain = job.chain();
        if (chain == null) {
            return new OpenedArchive(job, stored, stored);
        }
        try {
            SealedArchiveReader reader = SealedArchiveReader.open(stored, keyring,
                    WrappedKey.of(chain.keyId(), chain.wrappedKey()));
            return new OpenedArchive(job, stored, new ArchiveStream(reader, bytes -> { }));
        } catch (IOException e) {
            throw new RestoreFailure("the stored object " + job.objectKey() + " cannot be opened: " + e.getMessage()
                    + "; nothing was restored", e);
        }
    }

    /** The archive's bytes, as pg_dump wrote them. */
    ArchiveStream stream() {
        return archive;
    }

    /** @return the archive's SHA-256 (hex), once both the object and the archive matched what the snapshot recorded */
    String verify() {
        ArchiveChain chain = job.chain();
        if (chain != null) {
            stored.verify(chain.storedSha256(), chain.storedBytes());
        }
        return archive.verify(job.sha256(), job.sizeBytes());
    }

    @Override
    public void close() throws IOException {
        archive.close();
    }
}
