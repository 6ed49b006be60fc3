package io.snapkeep.dumpworker.store;

import io.snapkeep.parts.PartBuffer;
import io.snapkeep.parts.PartSizeSchedule;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.dumpworker.DumpFailure;
import io.snapkeep.dumpworker.config.DumpWorkerConfig;
import io.snapkeep.worker.config.WorkerConfig;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams an archive into a multipart upload with two part buffers: while one part is sent on an upload thread, the
 * next one fills from the source. Memory is at most two parts per upload whatever the archive's size, and the SHA-256
 * and size are computed on the way.
 */
@ApplicationScoped
public class ArchiveUploader {
    private final PartSizeSchedule schedule;
    private final ExecutorService uploadThreads;
    /**
     * Each job thread's two part buffers, kept for its next job: buffers made per job outlived the young generation
     * and piled up in the old one until a full collection (bench/: peak RSS grew from job to job).
     */
    private final ThreadLocal<PartBuffer[]> buffers = ThreadLocal.withInitial(
            () -> new PartBuffer[] {new PartBuffer(), new PartBuffer()});

    ArchiveUploader(DumpWorkerConfig config, WorkerConfig worker) {
        this.schedule = new PartSizeSchedule(config.dump().partSize().asLongValue(),
                config.dump().maxPartSize().asLongValue());
        AtomicInteger count = new AtomicInteger();
        this.uploadThreads = Executors.newFixedThreadPool(worker.maxConcurrentJobs(), task -> {
            Thread thread = new Thread(task, "dump-upload-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        uploadThreads.shutdownNow();
    }

    /**
     * Reads {@code source} to its end into the parts of {@code upload}, reporting the bytes read to {@code progress};
     * does not complete the upload. On failure, returns only once no part upload is still running.
     */
    public UploadedArchive upload(InputStream source, MultipartUpload upload, LongConsumer progress)
            throws IOException, InterruptedException {
        MessageDigest sha256 = sha256();
        PartBuffer filling = buffers.get()[0];
        PartBuffer sending = buffers.get()[1];
        List<CompletedPart> parts = new ArrayList<>();
        CompletableFuture<CompletedPart> inFlight = null;
        long total = 0;
        try {
            for (int partNumber = 1;; partNumber++) {
                filling.fill(source, schedule.partSize(Math.min(partNumber, PartSizeSchedule.MAX_PARTS)), sha256,
                        progress);
                if (filling.size() == 0 && partNumber > 1) {
                    break;
                }
                if (partNumber > PartSizeSchedule.MAX_PARTS) {
                    throw new DumpFailure("the dump is larger than " + schedule.capacity()
                            + " bytes, the most the store takes in 10,000 parts of at most " + schedule.max()
                            + " bytes: raise snapkeep.dump.max-part-size");
                }
                if (inFlight != null) {
                    parts.add(await(inFlight));
                }
                PartBuffer part = filling;
                int number = partNumber;
                inFlight = CompletableFuture.supplyAsync(() -> upload.uploadPart(number, part), uploadThreads);
                filling = sending;
                sending = part;
                total += part.size();
                if (part.endOfStream()) {
                    break;
                }
            }
            parts.add(await(inFlight));
            inFlight = null;
            return new UploadedArchive(parts, total, HexFormat.of().formatHex(sha256.digest()));
        } finally {
            if (inFlight != null) {
                inFlight.handle((part, failure) -> null).join();
            }
        }
    }

    private static CompletedPart await(CompletableFuture<CompletedPart> part) throws InterruptedException {
        try {
            return part.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new DumpFailure("writing to the object store failed: " + cause.getMessage(), cause);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** What was uploaded: the parts to complete the upload with, and the archive's size and SHA-256 (hex). */
    public record UploadedArchive(List<CompletedPart> parts, long size, String sha256) {
    }
}
