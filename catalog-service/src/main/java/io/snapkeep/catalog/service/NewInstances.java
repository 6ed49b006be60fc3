package io.snapkeep.catalog.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.InstanceStatus;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.repository.InstanceRepository;

/** Registers the instance a NEW_DATABASE restore made, once it succeeded. */
@ApplicationScoped
public class NewInstances {
    private static final Logger LOG = Logger.getLogger(NewInstances.class);

    private final InstanceRepository instances;
    private final JsonColumns json;

    public NewInstances(InstanceRepository instances, JsonColumns json) {
        this.instances = instances;
        this.json = json;
    }

    public Uni<Void> register(Job job) {
        NewInstanceSpec spec = json.read(job.newInstance, NewInstanceSpec.class);
        return instances.findLiveByName(spec.name()).chain(taken -> {
            Instance instance = new Instance();
            instance.id = spec.id();
            instance.name = taken == null ? spec.name() : spec.name() + "-" + spec.id().toString().substring(0, 8);
            if (taken != null) {
                LOG.warnf("instance name %s was taken while job %s ran; registered as %s", spec.name(), job.id,
                        instance.name);
            }
            instance.engine = InstanceService.ENGINE;
            instance.host = spec.host();
            instance.port = spec.port();
            instance.databaseName = spec.database();
            instance.username = spec.username();
            instance.sealedPassword = spec.sealedPassword();
            instance.sslmode = spec.sslmode();
            instance.sslRootCert = spec.sslRootCert();
            instance.policy = spec.policy();
            instance.status = InstanceStatus.AVAILABLE;
            instance.createdAt = Instant.now();
            return instances.persist(instance).replaceWithVoid();
        });
    }
}
