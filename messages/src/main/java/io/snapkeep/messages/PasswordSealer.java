package io.snapkeep.messages;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens database passwords with AES-256-GCM. A sealed value is
 * {@code base64(iv || ciphertext || tag)}; the context is bound as associated data. For a database password it is
 * {@link #context(String, String, int, String, String)}: the instance id and the whole connection, so an envelope
 * copied onto another instance, or into a job aimed at another server, database or user, does not open. The same
 * envelope is stored in the catalog and carried in job messages: only services holding the key can read the password.
 */
public final class PasswordSealer {
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CONTEXT_TAG = "snapkeep-password-v2";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private PasswordSealer(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** @param base64Key 32 random bytes, base64-encoded (e.g. {@code openssl rand -base64 32}) */
    public static PasswordSealer fromBase64Key(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the encryption key is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException(
                    "the encryption key must be 32 bytes (base64 of 32 random bytes), got " + raw.length);
        }
        return new PasswordSealer(raw);
    }

    /**
     * The associated data of an instance's password: its id and where the password is used. Sealing version 2; version
     * 1 (catalogs before it) bound only the instance id.
     */
    public static String context(String instanceId, String host, int port, String database, String username) {
        return new String(Canonical.of(CONTEXT_TAG, instanceId, host, Integer.toString(port), database, username),
                StandardCharsets.UTF_8);
    }

    public String seal(String plaintext, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal the password: " + e.getClass().getSimpleName());
        }
    }

    public String open(String sealed, String context) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "could not open the sealed password: wrong key or tampered value (" + e.getClass().getSimpleName()
                            + ")");
        }
    }
}
