package io.snapkeep.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.messages.PasswordSealer;

/**
 * Seals instance passwords for storage and for job messages, bound to the instance and its whole connection
 * ({@link PasswordSealer#context}), so that the envelope opens only for a job aimed at that very database and user.
 * Built at start: without {@code snapkeep.crypto.key} the service refuses to start (dev and test profiles carry a
 * fixed key).
 */
@Startup
@ApplicationScoped
public class PasswordVault {
    private final PasswordSealer sealer;

    public PasswordVault(CatalogConfig config) {
        String key = config.crypto().key().orElseThrow(() -> new IllegalStateException(
                "snapkeep.crypto.key is not set: give the base64 of 32 random bytes (openssl rand -base64 32) "
                        + "in SNAPKEEP_CRYPTO_KEY, the same to the catalog and the workers"));
        this.sealer = PasswordSealer.fromBase64Key(key);
    }

    /** Seals {@code password} for {@code instance}, whose id and connection must be set. */
    public String seal(String password, Instance instance) {
        return password == null ? null : sealer.seal(password, context(instance));
    }

    /**
     * Re-seals an envelope of sealing version 1 for the instance's id and connection.
     *
     * @throws IllegalStateException when it does not open (another key, or tampered with); the message holds no secret
     */
    public String resealVersion1(Instance instance) {
        return sealer.seal(sealer.open(instance.sealedPassword, instance.id.toString()), context(instance));
    }

    private static String context(Instance instance) {
        return PasswordSealer.context(instance.id.toString(), instance.host, instance.port, instance.databaseName,
                instance.username);
    }
}
