package io.snapkeep.messages;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies Kafka messages with HMAC-SHA256 over the topic, the record key and the exact payload (see
 * {@link Canonical}), so that a message can be neither altered, nor moved to another topic, nor re-keyed. The key id
 * and the base64 signature travel in the record headers {@value #KEY_ID_HEADER} and {@value #SIGNATURE_HEADER}.
 * Messages are signed with the active key; verification accepts the active key and older keys named by id, so that
 * keys can be rotated without stopping every service at once.
 */
public final class MessageSigner {
    public static final String KEY_ID_HEADER = "snapkeep-key-id";
    public static final String SIGNATURE_HEADER = "snapkeep-signature";
    static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final String TAG = "snapkeep-v1";
    private static final int MAC_BYTES = 32;

    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys;

    private MessageSigner(String activeKeyId, Map<String, SecretKeySpec> keys) {
        this.activeKeyId = activeKeyId;
        this.keys = keys;
    }

    /**
     * @param keyId id of the active key, sent with every signature
     * @param base64Key the active key: base64 of at least {@value #MIN_KEY_BYTES} random bytes
     * @param verifyKeys older keys still accepted, by id
     * @param keyName the setting that holds the keys, named in errors (which never show a key)
     * @throws IllegalArgumentException when a key is missing, not base64 or too short, or a key id is blank
     */
    public static MessageSigner of(String keyId, String base64Key, Map<String, String> verifyKeys, String keyName) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException(keyName + "-id must not be blank");
        }
        Map<String, SecretKeySpec> keys = new HashMap<>();
        verifyKeys.forEach((id, key) -> keys.put(id, decode(key, "the verify key " + id + " of " + keyName)));
        keys.put(keyId, decode(base64Key, keyName));
        return new MessageSigner(keyId, Map.copyOf(keys));
    }

    /** The two headers that sign {@code payload} sent on {@code topic} under {@code key}, in the order sent. */
    public Map<String, byte[]> headers(String topic, String key, String payload) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(KEY_ID_HEADER, activeKeyId.getBytes(StandardCharsets.UTF_8));
        headers.put(SIGNATURE_HEADER, Base64.getEncoder().encode(mac(keys.get(activeKeyId), topic, key, payload)));
        return headers;
    }

    /**
     * @param header a record's header value by name ({@code null} when the record has no such header)
     * @return {@link SignatureCheck#VALID} only when the signature headers sign exactly this topic, key and payload
     */
    public SignatureCheck verify(String topic, String key, String payload, Function<String, byte[]> header) {
        byte[] keyId = header.apply(KEY_ID_HEADER);
        byte[] signature = header.apply(SIGNATURE_HEADER);
        if (keyId == null || signature == null) {
            return SignatureCheck.UNSIGNED;
        }
        SecretKeySpec secret = keys.get(new String(keyId, StandardCharsets.UTF_8));
        if (secret == null) {
            return SignatureCheck.UNKNOWN_KEY;
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return SignatureCheck.MALFORMED;
        }
        if (claimed.length != MAC_BYTES) {
            return SignatureCheck.MALFORMED;
        }
        return MessageDigest.isEqual(claimed, mac(secret, topic, key, payload)) ? SignatureCheck.VALID
                : SignatureCheck.MISMATCH;
    }

    private static byte[] mac(SecretKeySpec secret, String topic, String key, String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac.doFinal(Canonical.of(TAG, topic, key, payload));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getClass().getSimpleName());
        }
    }

    private static SecretKeySpec decode(String base64Key, String name) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException(name + " is not set: give the base64 of at least " + MIN_KEY_BYTES
                    + " random bytes (openssl rand -base64 32)");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not valid base64 (the value is not shown)");
        }
        if (raw.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(name + " must be at least " + MIN_KEY_BYTES
                    + " bytes (base64 of 32 random bytes: openssl rand -base64 32), got " + raw.length);
        }
        return new SecretKeySpec(raw, ALGORITHM);
    }
}
