package io.snapkeep.dumpworker.job;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.snapkeep.dumpworker.DumpFailure;
import io.snapkeep.dumpworker.config.DumpWorkerConfig;
import io.snapkeep.messages.DumpJob;
import io.snapkeep.messages.PasswordSealer;

/**
 * Opens the sealed password of a job with the shared key. Built at startup, so that a missing or malformed key stops
 * the worker before it takes any job.
 */
@Startup
@ApplicationScoped
public class PasswordOpener {
    private final PasswordSealer sealer;

    PasswordOpener(DumpWorkerConfig config) {
        this.sealer = PasswordSealer.fromBase64Key(config.crypto().key());
    }

    /** @return the plaintext password, or {@code null} when the job carries none (e.g. trust or certificate auth) */
    public String open(DumpJob job) {
        String sealed = job.connection().sealedPassword();
        if (sealed == null || sealed.isBlank()) {
            return null;
        }
        try {
            return sealer.open(sealed, job.instanceId());
        } catch (IllegalStateException e) {
            throw new DumpFailure("could not open the job's sealed password: the worker's snapkeep.crypto.key must be"
                    + " the catalog's, and the envelope must belong to instance " + job.instanceId());
        }
    }
}
