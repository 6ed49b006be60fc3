package io.snapkeep.catalog.service;

import java.util.Arrays;
import java.util.Optional;

/** The archive formats of stock pg_dump, with the file extension an export gets. */
public enum DumpFormat {
    CUSTOM("custom", "dump"), TAR("tar", "tar"), PLAIN("plain", "sql");

    private final String id;
    private final String extension;

    DumpFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    public static Optional<DumpFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    public static DumpFormat of(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown format " + id));
    }

    public String id() {
        return id;
    }

    public String extension() {
        return extension;
    }
}
