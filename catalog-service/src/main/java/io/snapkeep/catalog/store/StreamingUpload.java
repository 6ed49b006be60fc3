package io.snapkeep.catalog.store;

import io.snapkeep.parts.PartBuffer;
import io.snapkeep.parts.PartSizeSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One multipart upload fed by {@link #write}: bytes fill a part buffer of the {@link PartSizeSchedule}'s size; a full
 * part is sent on an upload thread while the next one fills, so memory is at most two parts. The object exists only
 * once {@link #complete} returned; {@link #abort} drops the parts sent so far.
 */
public final class StreamingUpload {
    private static final Logger LOG = Logger.getLogger(StreamingUpload.class);

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String uploadId;
    private final String contentType;
    private final PartSizeSchedule schedule;
    private final Executor uploadThreads;
    private final List<CompletedPart> parts = new ArrayList<>();
    private PartBuffer filling = new PartBuffer();
    private PartBuffer sending = new PartBuffer();
    private CompletableFuture<CompletedPart> inFlight;
    private int partNumber = 1;

    StreamingUpload(S3Client s3, String bucket, String key, String contentType, PartSizeSchedule schedule,
            Executor uploadThreads) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.schedule = schedule;
        this.uploadThreads = uploadThreads;
        try {
            this.uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType))
                    .uploadId();
        } catch (SdkException e) {
            throw new StoreException("the object store refused to start an upload to s3://" + bucket + "/" + key
                    + ": " + e.getMessage(), e);
        }
    }

    /** @throws CapacityExceeded past the 10,000th part */
    public void write(byte[] bytes, int offset, int length) {
        int position = offset;
        int left = length;
        while (left > 0) {
            if (partNumber > PartSizeSchedule.MAX_PARTS) {
                throw new CapacityExceeded(schedule.capacity());
            }
            long partSize = schedule.partSize(partNumber);
            int n = filling.append(bytes, position, left, partSize - filling.size());
            position += n;
            left -= n;
            if (filling.size() == partSize) {
                send();
            }
        }
    }

    /** Sends what is left and waits until every part is stored; does not complete the upload. */
    public void flush() {
        if (filling.size() > 0 || (parts.isEmpty() && inFlight == null)) {
            send();
        }
        awaitInFlight();
    }

    public void complete() {
        try {
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (SdkException e) {
            throw new StoreException("the object store did not complete the upload of s3://" + bucket + "/" + key
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits for a part still being sent, then drops the parts uploaded so far. A failure is only logged: the parts
     * then stay until a lifecycle rule (AbortIncompleteMultipartUpload) or an operator removes them.
     */
    public void abort() {
        if (inFlight != null) {
            inFlight.handle((part, failure) -> null).join();
            inFlight = null;
        }
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            LOG.warnf("could not abort the multipart upload %s of s3://%s/%s: %s", uploadId, bucket, key,
                    e.getMessage());
        }
    }

    public String key() {
        return key;
    }

    private void send() {
        awaitInFlight();
        PartBuffer part = filling;
        int number = partNumber++;
        inFlight = CompletableFuture.supplyAsync(() -> uploadPart(number, part), uploadThreads);
        filling = sending;
        sending = part;
        filling.clear();
    }

    private CompletedPart uploadPart(int number, PartBuffer part) {
        String eTag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                .contentLength(part.size()),
                RequestBody.fromContentProvider(part.contentProvider(), part.size(), contentType)).eTag();
        return CompletedPart.builder().partNumber(number).eTag(eTag).build();
    }

    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        try {
            parts.add(inFlight.get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new StoreException("writing to the object store failed: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while writing to the object store", e);
        } finally {
            inFlight = null;
        }
    }

    /** The upload outgrew the most the store takes in 10,000 parts of the configured sizes. */
    public static final class CapacityExceeded extends RuntimeException {
        private final long capacity;

        CapacityExceeded(long capacity) {
            super("larger than " + capacity + " bytes, the most 10,000 parts hold", null, false, false);
            this.capacity = capacity;
        }

        public long capacity() {
            return capacity;
        }
    }
}
