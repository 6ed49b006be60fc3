package io.snapkeep.worker.job;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.snapkeep.messages.ConnectionSpec;
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
     * Opens the password of {@code connection}; the envelope only opens for the instance and the very connection (host,
     * port, database, user) it was sealed for, so one copied into a job aimed elsewhere is refused.
     *
     * @param instanceId the instance the envelope was sealed for
     * @return the plaintext password, or {@code null} when the job carries none (e.g. trust or certificate auth)
     */
    public String open(ConnectionSpec connection, String instanceId) {
        String sealedPassword = connection.sealedPassword();
        if (sealedPassword == null || sealedPassword.isBlank()) {
            return null;
        }
        try {
            return sealer.open(sealedPassword, PasswordSealer.context(instanceId, connection.host(), connection.port(),
                    connection.database(), connection.username()));
        } catch (IllegalStateException e) {
            throw new JobFailure("could not open the job's sealed password: it was not sealed for instance "
                    + instanceId + " at " + connection.username() + "@" + connection.host() + ":" + connection.port()
                    + "/" + connection.database() + ", or the worker's snapkeep.crypto.key is not the catalog's");
        }
    }
}
