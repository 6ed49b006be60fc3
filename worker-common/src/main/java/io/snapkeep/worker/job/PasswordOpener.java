package io.snapkeep.worker.job;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.snapkeep.messages.PasswordSealer;
import io.snapkeep.worker.JobFailure;
import io.snapkeep.worker.config.CryptoConfig;

/**
 * Opens the sealed password of a job's connection with the shared key. Built at startup, so that a missing or
 * malformed key stops the worker before it takes any job.
 */
@Startup
@ApplicationScoped
public class PasswordOpener {
    private final PasswordSealer sealer;

    PasswordOpener(CryptoConfig config) {
        this.sealer = PasswordSealer.fromBase64Key(config.key());
    }

    /**
     * @param instanceId the instance the envelope was sealed for
     * @return the plaintext password, or {@code null} when the job carries none (e.g. trust or certificate auth)
     */
    public String open(String sealedPassword, String instanceId) {
        if (sealedPassword == null || sealedPassword.isBlank()) {
            return null;
        }
        try {
            return sealer.open(sealedPassword, instanceId);
        } catch (IllegalStateException e) {
            throw new JobFailure("could not open the job's sealed password: the worker's snapkeep.crypto.key must be"
                    + " the catalog's, and the envelope must belong to instance " + instanceId);
        }
    }
}
