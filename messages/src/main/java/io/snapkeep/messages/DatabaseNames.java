package io.snapkeep.messages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Names of the databases a restore makes beside its target, and the check of any database name a job carries. Lengths
 * are in UTF-8 bytes, as PostgreSQL counts them (an identifier holds at most 63); a cut never splits a character. The
 * names name the job (side) or the time (previous copy), so an operator can tell what they are.
 */
public final class DatabaseNames {
    public static final int MAX_BYTES = 63;
    /** How much of the target's name the derived names keep at most. */
    private static final int BASE_BYTES = 36;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);

    private DatabaseNames() {
    }

    public static String side(String target, UUID jobId, int attempt) {
        return derived(target, "__restore_" + jobId.toString().substring(0, 8) + "_" + attempt);
    }

    public static String previous(String target, Instant at) {
        return derived(target, "__prev_" + STAMP.format(at));
    }

    /** Whether PostgreSQL takes {@code name} as it is: at most 63 bytes, no NUL. */
    public static boolean fits(String name) {
        return bytes(name) <= MAX_BYTES && name.indexOf('\0') < 0;
    }

    /** The longest start of {@code text} of at most {@code maxBytes} bytes that ends on a whole character. */
    static String cut(String text, int maxBytes) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = bytes(Character.toString(codePoint));
            if (used + size > maxBytes) {
                break;
            }
            used += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static String derived(String target, String suffix) {
        return cut(target, Math.min(BASE_BYTES, MAX_BYTES - bytes(suffix))) + suffix;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
