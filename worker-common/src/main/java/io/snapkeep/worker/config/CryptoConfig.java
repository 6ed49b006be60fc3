package io.snapkeep.worker.config;

import io.smallrye.config.ConfigMapping;

/** The key that opens the sealed database passwords carried by jobs. */
@ConfigMapping(prefix = "snapkeep.crypto")
public interface CryptoConfig {

    /**
     * Base64 of the 32-byte AES key shared with the catalog (env {@code SNAPKEEP_CRYPTO_KEY}). Required: a default key
     * would be a published secret, so there is none and the worker does not start without it.
     */
    String key();
}
