package io.snapkeep.restoreworker.support;

import java.nio.file.Path;

/** An archive made by stock pg_dump and uploaded to the store under {@code key}. */
public record Archive(String key, String format, String sha256, long size, Path file) {
}
