package io.snapkeep.messages;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An unambiguous byte string of several text fields, for a MAC or AEAD associated data: a tag line, then each field as
 * its UTF-8 length, {@code ':'}, its bytes and {@code '\n'} ({@code "-\n"} for null). No two lists of fields give the
 * same bytes, whatever characters the fields hold.
 */
final class Canonical {
    private Canonical() {
    }

    static byte[] of(String tag, String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((tag + "\n").getBytes(StandardCharsets.UTF_8));
        for (String field : fields) {
            if (field == null) {
                out.writeBytes("-\n".getBytes(StandardCharsets.UTF_8));
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(bytes);
                out.write('\n');
            }
        }
        return out.toByteArray();
    }
}
