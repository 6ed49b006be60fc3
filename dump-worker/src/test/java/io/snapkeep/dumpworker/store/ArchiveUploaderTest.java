package io.snapkeep.dumpworker.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.dumpworker.DumpFailure;
import io.snapkeep.messages.ArchiveChecksum;
import io.snapkeep.dumpworker.store.ArchiveUploader.UploadedArchive;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import software.amazon.awssdk.services.s3.S3Client;

/** Streams into the real S3-compatible server of the test stack, with 5 MiB parts. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class ArchiveUploaderTest {
    private static final int MIB = 1 << 20;

    @Inject
    ArchiveUploader uploader;

    @Inject
    ObjectStore store;

    @Inject
    S3Client s3;

    @Test
    void streamsAnArchiveInSeveralPartsAndComputesItsChecksum() throws Exception {
        byte[] data = randomBytes(12 * MIB + 4321);
        String key = "tests/" + UUID.randomUUID() + ".bin";
        MultipartUpload upload = store.startUpload(key);
        AtomicLong progress = new AtomicLong();

        UploadedArchive archive = uploader.upload(new ByteArrayInputStream(data), upload, progress::addAndGet);

        assertEquals(3, archive.parts().size());
        assertEquals(data.length, archive.size());
        assertEquals(data.length, progress.get());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)), archive.sha256());
        upload.complete(archive);
        assertArrayEquals(data, s3.getObjectAsBytes(b -> b.bucket(store.bucket()).key(key)).asByteArray());
        assertEquals(archive.sha256(), ArchiveChecksum.sha256Of(s3.getObjectAsBytes(
                b -> b.bucket(store.bucket()).key(ArchiveChecksum.keyOf(key))).asUtf8String()));
    }

    @Test
    void anEmptyArchiveIsOneEmptyPart() throws Exception {
        String key = "tests/" + UUID.randomUUID() + ".bin";
        MultipartUpload upload = store.startUpload(key);
        UploadedArchive archive = uploader.upload(InputStream.nullInputStream(), upload, n -> {
        });
        assertEquals(1, archive.parts().size());
        upload.complete(archive);
        assertEquals(0, s3.headObject(b -> b.bucket(store.bucket()).key(key)).contentLength());
    }

    @Test
    void aFailingSourceLeavesNoUploadBehindOnceAborted() throws Exception {
        String key = "tests/" + UUID.randomUUID() + ".bin";
        MultipartUpload upload = store.startUpload(key);
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(randomBytes(6 * MIB)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("pipe broke");
                    }
                });

        assertThrows(IOException.class, () -> uploader.upload(failing, upload, n -> {
        }));
        upload.abort();

        assertTrue(s3.listMultipartUploads(b -> b.bucket(store.bucket()).prefix(key)).uploads().isEmpty());
    }

    @Test
    void aStoreErrorIsReportedAsAFailure() throws Exception {
        MultipartUpload upload = new MultipartUpload(s3, "no-such-bucket", "tests/none", "no-such-upload");
        DumpFailure e = assertThrows(DumpFailure.class,
                () -> uploader.upload(new ByteArrayInputStream(randomBytes(MIB)), upload, n -> {
                }));
        assertTrue(e.getMessage().startsWith("writing to the object store failed"), e.getMessage());
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
