package io.snapkeep.catalog.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of the audit trail: who did what to which ids, with which non-secret parameters, and the status code
 * it ended with. The table is append-only (a trigger refuses updates and deletes).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant at;
    public String actor;
    @Column(name = "actor_kind")
    public String actorKind;
    public String action;
    @Column(name = "instance_id")
    public UUID instanceId;
    @Column(name = "snapshot_id")
    public UUID snapshotId;
    @Column(name = "job_id")
    public UUID jobId;
    @Column(name = "target_id")
    public String targetId;
    /** JSON: method, path, query and the request body without its secrets. */
    public String details;
    public int outcome;
    public String client;
}
