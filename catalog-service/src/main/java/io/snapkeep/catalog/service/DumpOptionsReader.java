package io.snapkeep.catalog.service;

import java.util.List;

import io.snapkeep.catalog.rest.dto.SnapshotOptions;
import io.snapkeep.messages.DumpOptions;

/** Turns the API's snapshot options into checked dump options. */
final class DumpOptionsReader {
    private DumpOptionsReader() {
    }

    static DumpOptions read(SnapshotOptions options) {
        if (options == null) {
            return DumpOptions.defaults();
        }
        String format = options.format() == null ? DumpOptions.DEFAULT_FORMAT : options.format();
        if (DumpFormat.byId(format).isEmpty()) {
            throw CatalogException.invalid("options.format",
                    "format '" + format + "' is unknown: use custom, tar or plain.");
        }
        List<String> excluded = options.excludeTableData() == null ? List.of() : options.excludeTableData();
        if (excluded.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw CatalogException.invalid("options.excludeTableData",
                    "excludeTableData holds a blank table name: give table names or patterns as pg_dump takes them.");
        }
        return new DumpOptions(format, isTrue(options.schemaOnly()), excluded, isTrue(options.noOwner()),
                isTrue(options.noPrivileges()), isTrue(options.blobs()));
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
