package io.snapkeep.guard;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What PostgreSQL takes as a database or role name: at most {@value #MAX_BYTES} bytes of UTF-8, no NUL. */
public final class PgNames {
    public static final int MAX_BYTES = 63;

    private PgNames() {
    }

    /** Why {@code name} is refused, to follow its field's name in a sentence; empty when it is acceptable. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("is required");
        }
        if (name.indexOf('\0') >= 0) {
            return Optional.of("must not contain a NUL character");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("is longer than " + MAX_BYTES + " bytes, the most PostgreSQL takes");
        }
        return Optional.empty();
    }
}
