package io.snapkeep.catalog.service;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.SnapshotOrigin;
import io.snapkeep.catalog.SnapshotStatus;
import io.snapkeep.catalog.archive.ArchiveCheck;
import io.snapkeep.catalog.archive.ArchiveChecks;
import io.snapkeep.catalog.archive.ArchiveInfo;
import io.snapkeep.catalog.archive.ArchiveMediaType;
import io.snapkeep.catalog.archive.ArchiveSniffer;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.catalog.sealing.ArchiveChains;
import io.snapkeep.catalog.sealing.ArchiveSealing;
import io.snapkeep.catalog.sealing.UploadSealer;
import io.snapkeep.catalog.store.ArchiveObjects;
import io.snapkeep.catalog.store.StoreException;
import io.snapkeep.catalog.store.StreamingUpload;
import io.snapkeep.messages.ArchiveChain;

/**
 * Takes an uploaded pg_dump archive of any size: recognises its format from its first bytes, streams it into a
 * multipart upload (SHA-256 and size computed on the way, at most two parts in memory) while the same bytes go through
 * the format's check once, sealed on the way like a dump ({@link UploadSealer}), and records a COMPLETED snapshot only
 * when the archive proved whole and the store kept it. On any failure the multipart upload is aborted and nothing is recorded. Blocking: call from a worker thread.
 */
@ApplicationScoped
public class UploadService {
    private static final Logger LOG = Logger.getLogger(UploadService.class);
    private static final int NAME_MAX = 200;

    private final UploadedSnapshots records;
    private final ArchiveObjects objects;
    private final ArchiveChecks checks;
    private final JsonColumns json;
    private final ArchiveSealing sealing;
    private final long maxSize;
    private final int maxConcurrent;
    private final Semaphore slots;

    public UploadService(UploadedSnapshots records, ArchiveObjects objects, ArchiveChecks checks, JsonColumns json,
            CatalogConfig config, ArchiveSealing sealing) {
        this.sealing = sealing;
        this.records = records;
        this.objects = objects;
        this.checks = checks;
        this.json = json;
        this.maxSize = config.upload().maxSize().asLongValue();
        this.maxConcurrent = config.upload().maxConcurrent();
        this.slots = new Semaphore(maxConcurrent);
    }

    /** The instance an upload goes to, checked before its body is read: 400 for a bad request, 404 for no instance. */
    public Instance admit(String instanceId, String name) {
        if (instanceId == null || instanceId.isBlank()) {
            throw CatalogException.invalid("instanceId", "instanceId is required: the id of the instance the "
                    + "archive belongs to, as a query parameter.");
        }
        UUID id;
        try {
            id = UUID.fromString(instanceId.strip());
        } catch (IllegalArgumentException e) {
            throw CatalogException.invalid("instanceId", "instanceId '" + instanceId + "' is not an id.");
        }
        if (name == null || name.isBlank()) {
            throw CatalogException.invalid("name", "name is required: a name for the snapshot, as a query parameter.");
        }
        if (name.length() > NAME_MAX) {
            throw CatalogException.invalid("name", "name must be at most " + NAME_MAX + " characters.");
        }
        return Awaits.await(() -> records.instance(id));
    }

    /** The largest upload taken. */
    public long maxSize() {
        return maxSize;
    }

    /**
     * Stores {@code body}, the archive file itself, as a new COMPLETED snapshot of {@code instance}.
     *
     * @throws CatalogException 422 when it is not a whole pg_dump archive, 413 above the maximum size, 503 when too
     *         many uploads run or the store fails, 400 when the body broke off
     */
    public Snapshot upload(Instance instance, String name, InputStream body) {
        if (!slots.tryAcquire()) {
            throw CatalogException.unavailable("The catalog is taking " + maxConcurrent + " uploads already "
                    + "(snapkeep.upload.max-concurrent): send this one again when one of them has finished.");
        }
        try {
            Instant started = Instant.now();
            UUID id = UUID.randomUUID();
            ArchiveInfo info;
            String key;
            Stored stored;
            try {
                byte[] buffer = new byte[ArchiveSniffer.PREFIX_SIZE];
                int prefix = readPrefix(body, buffer);
                info = ArchiveSniffer.identify(buffer, prefix);
                key = ArchiveKeys.prefix(instance.id, id) + "upload." + info.format().extension();
                stored = store(key, info, buffer, prefix, body);
            } catch (CatalogException e) {
                LOG.infof("an upload to instance %s was refused (%d): %s", instance.name, e.status(), e.getMessage());
                throw e;
            }
            Snapshot snapshot = snapshot(id, instance, name.strip(), info, key, stored, started);
            try {
                Snapshot recorded = Awaits.await(() -> records.record(snapshot));
                LOG.infof("upload %s of instance %s stored: %s archive, %d bytes, sha256 %s", id, instance.name,
                        info.format().id(), stored.size(), stored.sha256());
                return recorded;
            } catch (RuntimeException e) {
                objects.delete(key);
                throw e;
            }
        } finally {
            slots.release();
        }
    }

    private Stored store(String key, ArchiveInfo info, byte[] buffer, int prefix, InputStream body) {
        ArchiveCheck check = checks.start(info);
        StreamingUpload upload;
        try {
            upload = objects.startUpload(key, ArchiveMediaType.of(info.format()));
        } catch (StoreException e) {
            check.abort();
            throw storeFailed(e);
        }
        MessageDigest sha256 = sha256();
        long size = 0;
        boolean stored = false;
        UploadSealer sealer = null;
        try {
            sealer = UploadSealer.into(upload, sealing);
            int n = prefix;
            while (n >= 0) {
                if (n > 0) {
                    size += n;
                    if (size > maxSize) {
                        throw tooLarge(maxSize);
                    }
                    sha256.update(buffer, 0, n);
                    check.accept(buffer, 0, n);
                    sealer.write(buffer, 0, n);
                }
                n = read(body, buffer, size);
            }
            check.finish();
            ArchiveChain chain = sealer.finish();
            upload.flush();
            upload.complete();
            stored = true;
            return new Stored(size, HexFormat.of().formatHex(sha256.digest()), chain);
        } catch (StreamingUpload.CapacityExceeded e) {
            throw CatalogException.tooLarge("The archive is larger than " + e.capacity() + " bytes, the most the "
                    + "store takes in 10,000 parts of the configured sizes: raise snapkeep.upload.max-part-size.");
        } catch (StoreException e) {
            throw storeFailed(e);
        } finally {
            if (!stored) {
                check.abort();
                if (sealer != null) {
                    sealer.abandon();
                }
                upload.abort();
            }
        }
    }

    private static int readPrefix(InputStream body, byte[] buffer) {
        int filled = 0;
        while (filled < buffer.length) {
            int n = read(body, buffer, filled, buffer.length - filled, filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    private static int read(InputStream body, byte[] buffer, long receivedSoFar) {
        int n;
        do {
            n = read(body, buffer, 0, buffer.length, receivedSoFar);
        } while (n == 0);
        return n;
    }

    private static int read(InputStream body, byte[] buffer, int offset, int length, long receivedSoFar) {
        try {
            return body.read(buffer, offset, length);
        } catch (IOException e) {
            LOG.infof("an upload broke off after %d bytes: %s", receivedSoFar, e.getMessage());
            throw CatalogException.invalid(null, "The upload broke off after " + receivedSoFar + " bytes ("
                    + e.getMessage() + "): nothing was kept; send the whole file again.");
        }
    }

    private Snapshot snapshot(UUID id, Instance instance, String name, ArchiveInfo info, String key, Stored stored,
            Instant started) {
        Snapshot snapshot = new Snapshot();
        snapshot.id = id;
        snapshot.instanceId = instance.id;
        snapshot.name = name;
        snapshot.origin = SnapshotOrigin.UPLOADED;
        snapshot.status = SnapshotStatus.COMPLETED;
        snapshot.format = info.format().id();
        snapshot.options = json.write(Map.of("format", info.format().id()));
        snapshot.objectKey = key;
        snapshot.sizeBytes = stored.size();
        snapshot.sha256 = stored.sha256();
        snapshot.serverVersion = info.serverVersion();
        snapshot.toolVersion = info.dumpVersion() == null ? null : "pg_dump (PostgreSQL) " + info.dumpVersion();
        snapshot.sourceDatabase = info.database();
        snapshot.dumpedAt = info.dumpedAt();
        snapshot.archiveVersion = info.archiveVersion();
        ArchiveChains.record(snapshot, stored.chain());
        snapshot.createdAt = started;
        snapshot.completedAt = Instant.now();
        return snapshot;
    }

    /** The 413 for an archive above {@code snapkeep.upload.max-size}. */
    public static CatalogException tooLarge(long max) {
        return CatalogException.tooLarge("The archive is larger than " + max + " bytes, the most this catalog "
                + "takes (snapkeep.upload.max-size): nothing was kept.");
    }

    private static CatalogException storeFailed(StoreException e) {
        LOG.warnf("an upload failed in the object store: %s", e.getMessage());
        return CatalogException.unavailable("The object store failed while taking the archive (" + e.getMessage()
                + "): nothing was kept; send it again later.");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private record Stored(long size, String sha256, ArchiveChain chain) {
    }
}
