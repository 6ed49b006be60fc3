package io.snapkeep.catalog.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.rest.dto.CreateInstanceRequest;
import io.snapkeep.catalog.rest.dto.NewInstanceRequest;

/**
 * Creates an instance from a snapshot: checks the request like a registration, makes sure the database does not
 * exist on the server yet (409 if it does), then starts the NEW_DATABASE restore.
 */
@ApplicationScoped
public class NewInstanceRestore {
    private final InstanceService instances;
    private final DatabaseProbe probe;
    private final RestoreService restores;
    private final InstanceNetworks networks;

    public NewInstanceRestore(InstanceService instances, DatabaseProbe probe, RestoreService restores,
            InstanceNetworks networks) {
        this.instances = instances;
        this.probe = probe;
        this.restores = restores;
        this.networks = networks;
    }

    /**
     * @param allowSuperuser whether an uploaded snapshot (untrusted SQL) may be restored by a superuser role; the
     *        worker refuses that otherwise
     */
    public Uni<Job> start(UUID snapshotId, NewInstanceRequest request, boolean allowSuperuser) {
        return Uni.createFrom().item(() -> instances.validated(new CreateInstanceRequest(request.name(),
                        InstanceService.ENGINE, request.connection(), request.policy())))
                .call(instance -> networks.requireAllowed(instance.host))
                .chain(instance -> probe.exists(instance, request.connection().password()).chain(exists -> {
                    if (exists) {
                        return Uni.createFrom().failure(CatalogException.conflict("Database "
                                + instance.databaseName + " already exists on " + instance.host + ":" + instance.port
                                + ": name a database that does not exist yet; Snapkeep only restores into a "
                                + "database it creates."));
                    }
                    return restores.newInstance(snapshotId, specOf(instance), request.keepOwners(),
                            request.parallelJobs(), allowSuperuser);
                }));
    }

    private static NewInstanceSpec specOf(Instance instance) {
        return new NewInstanceSpec(instance.id, instance.name, instance.host, instance.port, instance.databaseName,
                instance.username, instance.sealedPassword, instance.sslmode, instance.policy, instance.sslRootCert);
    }
}
