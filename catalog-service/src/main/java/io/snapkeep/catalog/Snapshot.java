package io.snapkeep.catalog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One archive of one instance, and where it stands. */
@Entity
@Table(name = "snapshot")
public class Snapshot {
    @Id
    public UUID id;
    @Column(name = "instance_id")
    public UUID instanceId;
    public String name;
    @Enumerated(EnumType.STRING)
    public SnapshotOrigin origin;
    @Enumerated(EnumType.STRING)
    public SnapshotStatus status;
    public String format;
    /** The dump options as JSON. */
    public String options;
    @Column(name = "object_key")
    public String objectKey;
    @Column(name = "size_bytes")
    public Long sizeBytes;
    public String sha256;
    @Column(name = "server_version")
    public String serverVersion;
    @Column(name = "tool_version")
    public String toolVersion;
    /** The DUMP job that makes it; null for an upload. */
    @Column(name = "dump_job_id")
    public UUID dumpJobId;
    @Column(name = "request_id")
    public String requestId;
    public String error;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    /** Of an uploaded archive: the database it was dumped from, as its header says (none for most plain dumps). */
    @Column(name = "source_database")
    public String sourceDatabase;
    /** Of an uploaded archive: when pg_dump made it, wall-clock time of the machine that ran it (no zone known). */
    @Column(name = "dumped_at")
    public LocalDateTime dumpedAt;
    /** Of an uploaded custom or tar archive: its format version, e.g. 1.14-0. */
    @Column(name = "archive_version")
    public String archiveVersion;
    /** How the stored object was made from the archive ({@code null}: it is the archive); see V17. */
    public String codec;
    public String encryption;
    @Column(name = "format_version")
    public Integer formatVersion;
    @Column(name = "key_id")
    public String keyId;
    @Column(name = "wrapped_key")
    public String wrappedKey;
    @Column(name = "segment_size")
    public Integer segmentSize;
    @Column(name = "stored_bytes")
    public Long storedBytes;
    @Column(name = "stored_sha256")
    public String storedSha256;
}
