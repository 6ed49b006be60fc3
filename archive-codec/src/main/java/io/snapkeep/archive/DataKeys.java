package io.snapkeep.archive;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-archive data keys: 256 random bits, wrapped with AES-GCM under a master key (a random 96-bit nonce before the
 * ciphertext; the key id in the associated data, so a wrapped key cannot be passed off as another key's).
 */
final class DataKeys {
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CONTEXT = "snapkeep archive data key v1:";

    private DataKeys() {
    }

    static SecretKey generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }

    static byte[] randomNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    static WrappedKey wrap(ArchiveKeyring keyring, SecretKey dataKey) {
        byte[] nonce = randomNonce();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyring.active(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context(keyring.activeId()));
            byte[] sealed = cipher.doFinal(dataKey.getEncoded());
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return new WrappedKey(keyring.activeId(), out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available to wrap a data key", e);
        }
    }

    static SecretKey unwrap(ArchiveKeyring keyring, WrappedKey wrapped)
            throws MissingKeyException, ArchiveTamperedException {
        SecretKey master = keyring.key(wrapped.keyId());
        byte[] sealed = wrapped.sealed();
        if (sealed.length != NONCE_BYTES + KEY_BYTES + TAG_BITS / 8) {
            throw new ArchiveTamperedException("the wrapped data key has " + sealed.length + " bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(context(wrapped.keyId()));
            return new SecretKeySpec(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), "AES");
        } catch (AEADBadTagException e) {
            throw new ArchiveTamperedException("the data key wrapped under archive key " + wrapped.keyId()
                    + " failed authentication: wrong key or altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available to unwrap a data key", e);
        }
    }

    private static byte[] context(String keyId) {
        return (CONTEXT + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
