package io.snapkeep.catalog;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A registered database. The password is kept only as a sealed envelope. */
@Entity
@Table(name = "instance")
public class Instance {
    @Id
    public UUID id;
    public String name;
    public String engine;
    public String host;
    public int port;
    @Column(name = "database_name")
    public String databaseName;
    public String username;
    @Column(name = "sealed_password")
    public String sealedPassword;
    /** The sealing version of new envelopes: they bind the whole connection; version 1 bound the instance id alone. */
    public static final int SEAL_VERSION = 2;

    /** How {@link #sealedPassword} was sealed: {@link #SEAL_VERSION} now. */
    @Column(name = "password_seal_version")
    public int passwordSealVersion = SEAL_VERSION;
    public String sslmode;
    /** PEM CA certificate for sslmode verify-ca / verify-full; not secret. */
    @Column(name = "ssl_root_cert")
    public String sslRootCert;
    public String policy;
    /** Set when {@code policy} is {@code custom}. */
    @Embedded
    public CustomPolicyColumns custom;
    @Enumerated(EnumType.STRING)
    public InstanceStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
}
