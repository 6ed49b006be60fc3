package io.snapkeep.restoreworker.pg;

import java.util.Locale;

import io.snapkeep.restoreworker.RestoreFailure;

/** The three formats of {@code pg_dump} a snapshot may have; custom and tar go to {@code pg_restore}, plain to psql. */
public enum ArchiveFormat {
    CUSTOM, TAR, PLAIN;

    public static ArchiveFormat parse(String format) {
        if (format == null || format.isBlank()) {
            throw new RestoreFailure("the job names no archive format: use custom, tar or plain");
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "custom", "c" -> CUSTOM;
            case "tar", "t" -> TAR;
            case "plain", "p" -> PLAIN;
            default -> throw new RestoreFailure("unknown archive format '" + format + "': use custom, tar or plain");
        };
    }

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
