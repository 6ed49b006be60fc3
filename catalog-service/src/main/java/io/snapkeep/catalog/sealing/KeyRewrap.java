package io.snapkeep.catalog.sealing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One run re-wrapping archive data keys to {@code targetKey}: RUNNING, then SUCCEEDED or FAILED, with its counts. */
@Entity
@Table(name = "key_rewrap")
public class KeyRewrap {
    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "target_key")
    public String targetKey;
    public String status;
    public int total;
    public int rewrapped;
    public int failed;
    public String error;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
