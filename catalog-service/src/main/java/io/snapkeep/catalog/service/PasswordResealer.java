package io.snapkeep.catalog.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.repository.InstanceRepository;

/**
 * Brings the password envelopes of a catalog made before sealing version {@value Instance#SEAL_VERSION} up to
 * date at start: each is opened with the old context (the instance id) and sealed with the new one (the id and the
 * whole connection), so that existing instances keep working with workers that check the connection. Rows are locked,
 * so replicas starting together re-seal each row once. An envelope that does not open is left as it is and named in
 * the log: its jobs fail saying the password cannot be opened until the instance is registered again.
 */
@ApplicationScoped
public class PasswordResealer {
    private static final Logger LOG = Logger.getLogger(PasswordResealer.class);

    private final InstanceRepository instances;
    private final PasswordVault vault;

    public PasswordResealer(InstanceRepository instances, PasswordVault vault) {
        this.instances = instances;
        this.vault = vault;
    }

    void onStart(@Observes StartupEvent start) {
        int resealed = Awaits.await(this::resealAll);
        if (resealed > 0) {
            LOG.infof("re-sealed the passwords of %d instance(s) to sealing version %d", resealed,
                    Instance.SEAL_VERSION);
        }
    }

    /** @return how many envelopes were re-sealed */
    public Uni<Integer> resealAll() {
        return Panache.withTransaction(() -> instances.lockSealedBefore(Instance.SEAL_VERSION)
                .map(this::reseal));
    }

    private int reseal(List<Instance> old) {
        int resealed = 0;
        for (Instance instance : old) {
            if (instance.sealedPassword == null) {
                instance.passwordSealVersion = Instance.SEAL_VERSION;
                continue;
            }
            try {
                instance.sealedPassword = vault.resealVersion1(instance);
                instance.passwordSealVersion = Instance.SEAL_VERSION;
                resealed++;
            } catch (IllegalStateException e) {
                LOG.warnf("the password of instance %s (%s) could not be re-sealed: %s", instance.id, instance.name,
                        e.getMessage());
            }
        }
        return resealed;
    }
}
