package io.snapkeep.catalog.archive;

/** A pg_restore program: its path and what {@code --version} said (e.g. {@code pg_restore (PostgreSQL) 15.20}). */
record PgRestore(String path, String version) {
}
