package io.snapkeep.archive;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for the chunks of one object (JDK crypto). Chunk {@code i}'s nonce is the base nonce with {@code i}
 * XORed into its last 8 bytes, so no nonce repeats under the object's data key; its associated data is the header's
 * SHA-256, {@code i} and whether it is the last chunk, so a chunk moved, swapped, dropped, or an object cut at a chunk
 * boundary, fails authentication or is seen to end early.
 */
final class ChunkCipher {
    static final int TAG_BYTES = DataKeys.TAG_BITS / 8;

    private final SecretKey dataKey;
    private final byte[] baseNonce;
    private final byte[] headerDigest;

    ChunkCipher(SecretKey dataKey, ObjectHeader header) {
        this.dataKey = dataKey;
        this.baseNonce = header.baseNonce();
        this.headerDigest = header.digest();
    }

    byte[] seal(long index, boolean last, byte[] plain, int length) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, index, last).doFinal(plain, 0, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM could not seal chunk " + index, e);
        }
    }

    byte[] open(long index, boolean last, byte[] sealed) throws ArchiveTamperedException {
        try {
            return cipher(Cipher.DECRYPT_MODE, index, last).doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new ArchiveTamperedException("chunk " + index + " failed authentication: the object was altered,"
                    + " reordered or cut", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM could not open chunk " + index, e);
        }
    }

    private Cipher cipher(int mode, long index, boolean last) throws GeneralSecurityException {
        byte[] nonce = baseNonce.clone();
        for (int i = 0; i < Long.BYTES; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (index >>> (8 * i));
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, dataKey, new GCMParameterSpec(DataKeys.TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(headerDigest.length + Long.BYTES + 1).put(headerDigest).putLong(index)
                .put((byte) (last ? 1 : 0)).array());
        return cipher;
    }
}
