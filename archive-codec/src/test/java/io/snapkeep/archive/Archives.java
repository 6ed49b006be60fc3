package io.snapkeep.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

/** Test archives: text and numbers that compress like a dump's table data, with a few random bytes between. */
final class Archives {
    static final String KEY_A = Base64.getEncoder().encodeToString(bytes(32, 1));
    static final String KEY_B = Base64.getEncoder().encodeToString(bytes(32, 2));
    static final ArchiveKeyring KEYRING = ArchiveKeyring.of(Map.of("a", KEY_A), "a");

    private Archives() {
    }

    static byte[] dumpLike(int size, long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes("PGDMP".getBytes(StandardCharsets.US_ASCII));
        for (int row = 0; out.size() < size; row++) {
            out.writeBytes((row + "\t" + random.nextInt(100000) + "\tcustomer zażółć " + (row % 97) + "\tsecret-marker-"
                    + (row % 13) + "\n").getBytes(StandardCharsets.UTF_8));
            if (row % 50 == 0) {
                out.writeBytes(bytes(64, random.nextLong()));
            }
        }
        byte[] all = out.toByteArray();
        return Arrays.copyOf(all, size);
    }

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static Sealed seal(byte[] archive, ArchiveKeyring keyring, StageSettings settings) throws IOException {
        ByteArrayOutputStream object = new ByteArrayOutputStream();
        SealedArchiveWriter writer = SealedArchiveWriter.open(object, keyring, settings);
        int offset = 0;
        Random random = new Random(archive.length);
        while (offset < archive.length) {
            int n = Math.min(archive.length - offset, 1 + random.nextInt(70_000));
            writer.write(archive, offset, n);
            offset += n;
        }
        writer.close();
        return new Sealed(object.toByteArray(), writer.summary());
    }

    static byte[] open(byte[] object, ArchiveKeyring keyring, WrappedKey current) throws IOException {
        try (SealedArchiveReader reader = SealedArchiveReader.open(new ByteArrayInputStream(object), keyring,
                current)) {
            return reader.readAllBytes();
        }
    }

    record Sealed(byte[] object, SealedSummary summary) {
    }
}
