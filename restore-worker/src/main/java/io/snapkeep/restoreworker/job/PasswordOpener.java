package io.snapkeep.restoreworker.job;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.snapkeep.messages.PasswordSealer;
import io.snapkeep.messages.RestoreJob;
import io.snapkeep.restoreworker.RestoreFailure;
import io.snapkeep.restoreworker.config.RestoreWorkerConfig;

/**
 * Opens the sealed password of a job's target with the shared key. Built at startup, so that a missing or malformed
 * key stops the worker before it takes any job.
 */
@Startup
@ApplicationScoped
public class PasswordOpener {
    private final PasswordSealer sealer;

    PasswordOpener(RestoreWorkerConfig config) {
        this.sealer = PasswordSealer.fromBase64Key(config.crypto().key());
    }

    /** @return the plaintext password, or {@code null} when the job carries none (e.g. trust or certificate auth) */
    public String open(RestoreJob job) {
        String sealed = job.target().sealedPassword();
        if (sealed == null || sealed.isBlank()) {
            return null;
        }
        try {
            return sealer.open(sealed, job.instanceId());
        } catch (IllegalStateException e) {
            throw new RestoreFailure("could not open the job's sealed password: the worker's snapkeep.crypto.key must"
                    + " be the catalog's, and the envelope must belong to instance " + job.instanceId());
        }
    }
}
