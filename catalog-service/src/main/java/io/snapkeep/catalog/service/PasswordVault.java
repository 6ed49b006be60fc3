package io.snapkeep.catalog.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.messages.PasswordSealer;

/**
 * Seals instance passwords for storage and for job messages. Built at start: without
 * {@code snapkeep.crypto.key} the service refuses to start (dev and test profiles carry a fixed key).
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

    public String seal(String password, UUID instanceId) {
        return password == null ? null : sealer.seal(password, instanceId.toString());
    }
}
