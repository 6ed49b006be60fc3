package io.snapkeep.restoreworker.restore;

/**
 * What a SUCCEEDED event reports: the bytes and SHA-256 of the archive read (0 and null when none was, as for
 * DROP_DATABASES), the target server's version and the version line of the tool that applied the archive.
 */
public record RestoreOutcome(long bytes, String sha256, String serverVersion, String toolVersion) {
}
