package io.snapkeep.catalog.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Names of the databases a restore makes beside its target; they stay under PostgreSQL's 63-byte limit and name
 * the job (side) or the time (previous copy), so an operator can tell what they are.
 */
final class DatabaseNames {
    private static final int BASE_LENGTH = 36;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);

    private DatabaseNames() {
    }

    static String side(String target, UUID jobId, int attempt) {
        return base(target) + "__restore_" + jobId.toString().substring(0, 8) + "_" + attempt;
    }

    static String previous(String target, Instant at) {
        return base(target) + "__prev_" + STAMP.format(at);
    }

    private static String base(String target) {
        return target.length() <= BASE_LENGTH ? target : target.substring(0, BASE_LENGTH);
    }
}
