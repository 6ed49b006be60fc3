package io.snapkeep.catalog.sealing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import io.snapkeep.archive.SealedArchiveWriter;
import io.snapkeep.archive.SealedSummary;
import io.snapkeep.catalog.store.StreamingUpload;
import io.snapkeep.messages.ArchiveChain;

/**
 * Seals an uploaded archive into its multipart upload as the bytes arrive: the same stages a dump worker applies
 * (compressed segments, AES-256-GCM chunks under the active archive key). {@link #finish()} writes the last chunk and
 * the index; {@link #abandon()} stops the compressing threads (the caller aborts the upload).
 */
public final class UploadSealer {
    private final SealedArchiveWriter writer;

    private UploadSealer(SealedArchiveWriter writer) {
        this.writer = writer;
    }

    public static UploadSealer into(StreamingUpload upload, ArchiveSealing sealing) {
        try {
            return new UploadSealer(SealedArchiveWriter.open(new UploadOutput(upload), sealing.keyring(),
                    sealing.settings()));
        } catch (IOException e) {
            throw new UncheckedIOException("starting a sealed upload failed", e);
        }
    }

    public void write(byte[] bytes, int offset, int length) {
        try {
            writer.write(bytes, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException("sealing the upload failed: " + e.getMessage(), e);
        }
    }

    /** @return how the stored object was made from the archive */
    public ArchiveChain finish() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("sealing the upload failed: " + e.getMessage(), e);
        }
        SealedSummary sealed = writer.summary();
        return new ArchiveChain(sealed.codec().label(), ArchiveChain.AES_256_GCM, sealed.formatVersion(),
                sealed.key().keyId(), sealed.key().sealedBase64(), sealed.segmentSize(), sealed.objectBytes(),
                sealed.objectSha256());
    }

    public void abandon() {
        writer.abandon();
    }

    /** The upload as the writer's sink; closing it leaves the upload to the caller. */
    private static final class UploadOutput extends OutputStream {
        private final StreamingUpload upload;

        UploadOutput(StreamingUpload upload) {
            this.upload = upload;
        }

        @Override
        public void write(int b) {
            upload.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            upload.write(bytes, offset, length);
        }
    }
}
