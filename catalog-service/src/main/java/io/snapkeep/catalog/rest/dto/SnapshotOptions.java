package io.snapkeep.catalog.rest.dto;

import java.util.List;

/** What to dump; every field is optional. {@code format} is custom (default), tar or plain. */
public record SnapshotOptions(List<String> excludeTableData, Boolean schemaOnly, String format, Boolean noOwner,
        Boolean noPrivileges, Boolean blobs) {
}
