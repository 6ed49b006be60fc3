package io.snapkeep.catalog.archive;

import java.time.LocalDateTime;

import io.snapkeep.catalog.service.DumpFormat;

/**
 * What a pg_dump archive says of itself, where its format carries it (null otherwise): its format version (custom and
 * tar), the server and pg_dump versions (e.g. {@code 15.20}), the database dumped and when (wall-clock time of the
 * dumping machine; the header has no zone).
 */
public record ArchiveInfo(DumpFormat format, String archiveVersion, String serverVersion, String dumpVersion,
        String database, LocalDateTime dumpedAt) {
}
