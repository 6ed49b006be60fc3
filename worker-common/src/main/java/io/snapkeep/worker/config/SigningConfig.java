package io.snapkeep.worker.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The keys that sign job events and verify job messages (HMAC-SHA256), shared with the catalog. */
@ConfigMapping(prefix = "snapkeep.messages")
public interface SigningConfig {

    /**
     * Base64 of at least 32 random bytes (env {@code SNAPKEEP_MESSAGES_SIGNING_KEY}), the catalog's signing key.
     * Required, no default: a default key would be a published secret, so the worker does not start without it.
     */
    String signingKey();

    /**
     * Id of {@link #signingKey()} (env {@code SNAPKEEP_MESSAGES_SIGNING_KEY_ID}), sent with every signature in the
     * {@code snapkeep-key-id} header. Default {@code k1}.
     */
    @WithDefault("k1")
    String signingKeyId();

    /**
     * Older keys still accepted when verifying, by key id (e.g. {@code snapkeep.messages.verify-keys.k1}, env
     * {@code SNAPKEEP_MESSAGES_VERIFY_KEYS_K1}), for a rotation: give every service the new key with a new id and the
     * old one here, then remove the old one once no message signed with it is left. Default: none.
     */
    Map<String, String> verifyKeys();
}
