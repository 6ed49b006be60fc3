package io.snapkeep.restoreworker.restore;

/** An archive applied to a database: its size and SHA-256 as read and checked, and the tool that applied it. */
public record LoadedArchive(long bytes, String sha256, String toolVersion) {
}
