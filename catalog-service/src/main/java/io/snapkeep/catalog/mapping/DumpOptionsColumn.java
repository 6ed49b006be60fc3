package io.snapkeep.catalog.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.SnapshotOrigin;
import io.snapkeep.messages.DumpOptions;
import io.snapkeep.policy.Origin;
import io.snapkeep.policy.SnapshotFacts;

/** The dump options a snapshot was taken with, as its {@code options} column holds them. */
public final class DumpOptionsColumn {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private DumpOptionsColumn() {
    }

    /** The options of a dump; null for an upload, whose file was made by options nobody told. */
    public static DumpOptions of(Snapshot snapshot) {
        if (snapshot.origin == SnapshotOrigin.UPLOADED || snapshot.options == null) {
            return null;
        }
        try {
            return JSON.readValue(snapshot.options, DumpOptions.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable options of snapshot " + snapshot.id, e);
        }
    }

    /** Whether the snapshot holds all data of its instance ({@link SnapshotFacts#holdsAllData}). */
    public static boolean holdsAllData(Snapshot snapshot) {
        DumpOptions options = of(snapshot);
        return options != null && SnapshotFacts.holdsAllData(Origin.valueOf(snapshot.origin.name()),
                options.schemaOnly(), options.excludeTableData());
    }
}
