package io.snapkeep.catalog.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.InstanceStatus;
import io.snapkeep.catalog.rest.dto.ConnectionRequest;
import io.snapkeep.catalog.rest.dto.CreateInstanceRequest;
import io.snapkeep.catalog.rest.dto.PolicyRequest;
import io.snapkeep.catalog.repository.InstanceRepository;
import io.snapkeep.policy.Tier;

/** Registers, finds, re-tiers and removes instances. */
@ApplicationScoped
public class InstanceService {
    static final String ENGINE = "postgresql";

    private final InstanceRepository instances;
    private final PasswordVault vault;
    private final SnapshotExpiries expiries;
    private final InstanceNetworks networks;

    public InstanceService(InstanceRepository instances, PasswordVault vault, SnapshotExpiries expiries,
            InstanceNetworks networks) {
        this.instances = instances;
        this.vault = vault;
        this.expiries = expiries;
        this.networks = networks;
    }

    /** Checks the request and where its host resolves to, then stores the instance in a transaction of its own. */
    public Uni<Instance> register(CreateInstanceRequest request) {
        return Uni.createFrom().item(() -> validated(request))
                .call(instance -> networks.requireAllowed(instance.host))
                .chain(instance -> Panache.withTransaction(() -> instances.findLiveByName(instance.name)
                        .chain(existing -> {
                            if (existing != null) {
                                return Uni.createFrom().failure(CatalogException.conflict("An instance named '"
                                        + instance.name + "' already exists: choose another name."));
                            }
                            return instances.persist(instance);
                        })));
    }

    @WithSession
    public Uni<Instance> get(UUID id) {
        return instances.findLive(id).onItem().ifNull().failWith(() -> CatalogException.notFound("instance", id));
    }

    @WithSession
    public Uni<Paged<Instance>> page(PageRequest request) {
        return QueryFilter.page(instances.live(), request);
    }

    /** Sets a tier or a custom policy; the expiry dates of the instance's snapshots follow. */
    @WithTransaction
    public Uni<Instance> changePolicy(UUID id, PolicyRequest request) {
        return Uni.createFrom().item(() -> InstancePolicies.requested(request))
                .chain(policy -> instances.findLive(id)
                        .onItem().ifNull().failWith(() -> CatalogException.notFound("instance", id))
                        .invoke(instance -> InstancePolicies.apply(instance, policy)))
                .call(expiries::refresh);
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return instances.lockLive(id).onItem().ifNull().failWith(() -> CatalogException.notFound("instance", id))
                .invoke(instance -> {
                    if (instance.status != InstanceStatus.AVAILABLE) {
                        throw CatalogException.conflict("Instance " + id + " is " + instance.status
                                + ": wait for its job to finish before deleting it.");
                    }
                    instance.deletedAt = Instant.now();
                }).replaceWithVoid();
    }

    /** Checks a registration and builds the instance, password sealed, without storing it. */
    Instance validated(CreateInstanceRequest request) {
        if (!ENGINE.equals(request.engine())) {
            throw CatalogException.invalid("engine",
                    "engine '" + request.engine() + "' is not supported: use postgresql.");
        }
        String policy = request.policy() == null ? Tier.FREE.id() : request.policy();
        if (Tier.byId(policy).isEmpty()) {
            throw CatalogException.invalid("policy", "policy '" + policy + "' is unknown: use one of " + Tier.ids()
                    + " (a custom policy is set with PUT /instances/{id}/policy).");
        }
        ConnectionRequest connection = request.connection();
        String sslmode = ConnectionRules.check(connection);
        Instance instance = new Instance();
        instance.id = UUID.randomUUID();
        instance.name = request.name();
        instance.engine = ENGINE;
        instance.host = connection.host();
        instance.port = connection.port() == null ? 5432 : connection.port();
        instance.databaseName = connection.database();
        instance.username = connection.username();
        instance.sealedPassword = vault.seal(connection.password(), instance);
        instance.sslmode = sslmode;
        instance.sslRootCert = connection.sslRootCert();
        instance.policy = policy;
        instance.status = InstanceStatus.AVAILABLE;
        instance.createdAt = Instant.now();
        return instance;
    }
}
