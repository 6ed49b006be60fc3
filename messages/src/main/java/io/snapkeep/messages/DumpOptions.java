package io.snapkeep.messages;

import java.util.List;

/** What {@code pg_dump} is asked to do; {@code format} is {@code custom}, {@code tar} or {@code plain}. */
public record DumpOptions(String format, boolean schemaOnly, List<String> excludeTableData, boolean noOwner,
        boolean noPrivileges, boolean blobs) {

    public static final String DEFAULT_FORMAT = "custom";

    public DumpOptions {
        format = format == null || format.isBlank() ? DEFAULT_FORMAT : format;
        excludeTableData = excludeTableData == null ? List.of() : List.copyOf(excludeTableData);
    }

    public static DumpOptions defaults() {
        return new DumpOptions(DEFAULT_FORMAT, false, List.of(), false, false, false);
    }
}
