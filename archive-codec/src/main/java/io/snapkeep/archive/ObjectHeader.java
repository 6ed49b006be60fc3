package io.snapkeep.archive;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The start of a sealed object: magic {@code SNKARC}, format version, codec, segment size, the base nonce of its
 * chunks, and the data key as it was wrapped when the object was written (key id and sealed key; a later re-wrap is
 * recorded by the catalog, since an object in the store cannot be edited). Its SHA-256 is bound into every chunk's
 * associated data, so no byte of it can change unnoticed.
 */
public final class ObjectHeader {
    public static final int FORMAT_VERSION = 1;
    /** Enough bytes to hold any header: read this many from the object's start to parse one. */
    public static final int MAX_BYTES = 6 + 1 + 1 + 4 + DataKeys.NONCE_BYTES + 1 + 64 + 2 + 255;
    private static final byte[] MAGIC = "SNKARC".getBytes(StandardCharsets.US_ASCII);

    private final Codec codec;
    private final int segmentSize;
    private final byte[] baseNonce;
    private final WrappedKey wrappedKey;
    private final byte[] bytes;

    private ObjectHeader(Codec codec, int segmentSize, byte[] baseNonce, WrappedKey wrappedKey, byte[] bytes) {
        this.codec = codec;
        this.segmentSize = segmentSize;
        this.baseNonce = baseNonce;
        this.wrappedKey = wrappedKey;
        this.bytes = bytes;
    }

    static ObjectHeader create(Codec codec, int segmentSize, byte[] baseNonce, WrappedKey wrappedKey) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeByte(FORMAT_VERSION);
            out.writeByte(codec.id());
            out.writeInt(segmentSize);
            out.write(baseNonce);
            byte[] id = wrappedKey.keyId().getBytes(StandardCharsets.UTF_8);
            out.writeByte(id.length);
            out.write(id);
            byte[] sealed = wrappedKey.sealed();
            out.writeShort(sealed.length);
            out.write(sealed);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return new ObjectHeader(codec, segmentSize, baseNonce.clone(), wrappedKey, buffer.toByteArray());
    }

    /** Reads a header from the object's first bytes; the stream is left at the first chunk. */
    public static ObjectHeader read(InputStream object) throws IOException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        DataInputStream in = new DataInputStream(new TeeInput(object, copy));
        try {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new ArchiveTamperedException("the object does not start like a sealed archive (magic "
                        + "SNKARC missing)");
            }
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION) {
                throw new ArchiveTamperedException("the object has format version " + version + "; this build reads "
                        + FORMAT_VERSION);
            }
            Codec codec = Codec.byId(in.readUnsignedByte());
            int segmentSize = in.readInt();
            if (segmentSize < StageSettings.MIN_SEGMENT || segmentSize > StageSettings.MAX_SEGMENT) {
                throw new ArchiveTamperedException("the object names a segment size of " + segmentSize + " bytes");
            }
            byte[] nonce = new byte[DataKeys.NONCE_BYTES];
            in.readFully(nonce);
            byte[] id = new byte[in.readUnsignedByte()];
            in.readFully(id);
            byte[] sealed = new byte[in.readUnsignedShort()];
            in.readFully(sealed);
            WrappedKey key = new WrappedKey(new String(id, StandardCharsets.UTF_8), sealed);
            return new ObjectHeader(codec, segmentSize, nonce, key, copy.toByteArray());
        } catch (EOFException e) {
            throw new ArchiveTamperedException("the object ends inside its header", e);
        }
    }

    public Codec codec() {
        return codec;
    }

    public int segmentSize() {
        return segmentSize;
    }

    /** The data key as wrapped when the object was written. */
    public WrappedKey wrappedKey() {
        return wrappedKey;
    }

    /** Where the first chunk starts in the object. */
    public int length() {
        return bytes.length;
    }

    byte[] baseNonce() {
        return baseNonce.clone();
    }

    byte[] bytes() {
        return bytes.clone();
    }

    byte[] digest() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies what it reads into a buffer: the header's own bytes. */
    private static final class TeeInput extends InputStream {
        private final InputStream in;
        private final ByteArrayOutputStream copy;

        TeeInput(InputStream in, ByteArrayOutputStream copy) {
            this.in = in;
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }
    }
}
