package io.snapkeep.catalog.archive;

import io.snapkeep.catalog.service.DumpFormat;

/** The Content-Type an archive is stored and exported with. */
public final class ArchiveMediaType {
    private ArchiveMediaType() {
    }

    public static String of(DumpFormat format) {
        return switch (format) {
            case CUSTOM -> "application/octet-stream";
            case TAR -> "application/x-tar";
            case PLAIN -> "application/sql";
        };
    }
}
