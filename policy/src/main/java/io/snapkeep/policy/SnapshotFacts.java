package io.snapkeep.policy;

import java.time.Instant;
import java.util.List;

/**
 * What retention needs to know of one snapshot; {@code completedAt} is null unless it COMPLETED. {@code full} tells
 * whether it holds all data of its instance ({@link #holdsAllData}).
 */
public record SnapshotFacts(String id, Origin origin, State state, Instant completedAt, boolean full) {

    /**
     * Whether a snapshot holds all data of its instance: a dump that is neither schema-only nor leaves out some tables'
     * data. An upload is not known to (its file may be any dump), so it never counts as full.
     */
    public static boolean holdsAllData(Origin origin, boolean schemaOnly, List<String> excludedTableData) {
        return origin != Origin.UPLOADED && !schemaOnly && (excludedTableData == null || excludedTableData.isEmpty());
    }
}
