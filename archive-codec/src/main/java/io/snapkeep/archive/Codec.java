package io.snapkeep.archive;

import java.util.Arrays;

/** How an archive's segments are compressed before they are encrypted; its {@code id} is stored in the header. */
public enum Codec {
    NONE(0, "none"), ZSTD(1, "zstd");

    private final int id;
    private final String label;

    Codec(int id, String label) {
        this.id = id;
        this.label = label;
    }

    int id() {
        return id;
    }

    /** The name the catalog records and the configuration uses. */
    public String label() {
        return label;
    }

    public static Codec byLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown codec " + label + " (none, zstd)"));
    }

    static Codec byId(int id) throws ArchiveTamperedException {
        for (Codec codec : values()) {
            if (codec.id == id) {
                return codec;
            }
        }
        throw new ArchiveTamperedException("the object names an unknown codec " + id);
    }
}
