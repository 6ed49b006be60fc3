package io.snapkeep.archive;

import java.util.Arrays;
import java.util.Base64;

/**
 * An archive's data key as stored: encrypted (AES-GCM) under the master key {@code keyId}. Only the keyring opens it.
 * {@link #rewrap} puts it under the keyring's active key without touching the archive's data.
 */
public record WrappedKey(String keyId, byte[] sealed) {
    public WrappedKey {
        sealed = sealed.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    public String sealedBase64() {
        return Base64.getEncoder().encodeToString(sealed);
    }

    public static WrappedKey of(String keyId, String sealedBase64) {
        return new WrappedKey(keyId, Base64.getDecoder().decode(sealedBase64));
    }

    /** The same data key under the keyring's active key. */
    public WrappedKey rewrap(ArchiveKeyring keyring) throws ArchiveTamperedException, MissingKeyException {
        return DataKeys.wrap(keyring, DataKeys.unwrap(keyring, this));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedKey w && w.keyId.equals(keyId) && Arrays.equals(w.sealed, sealed);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode() * 31 + Arrays.hashCode(sealed);
    }

    @Override
    public String toString() {
        return "WrappedKey[" + keyId + "]";
    }
}
