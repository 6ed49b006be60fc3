package io.snapkeep.messages;

/**
 * How a restore-worker applies a snapshot.
 * <ul>
 * <li>{@code IN_PLACE}: restore into {@code sideDatabase}; only when that finished cleanly and the checksum matched,
 * swap it in by renaming (target → {@code previousDatabase}, side → target).</li>
 * <li>{@code CLEAN}: {@code pg_restore --clean --if-exists} straight into the target (asked for explicitly; a
 * failure can leave the target half-restored).</li>
 * <li>{@code NEW_DATABASE}: {@code target.database} must not exist (checked first; an existing one is never
 * touched). Restore into {@code sideDatabase}; only when that finished cleanly and the checksum matched, rename it to
 * {@code target.database}. On any failure, also when the target appeared meanwhile, drop the side database.</li>
 * <li>{@code VERIFY}: restore into {@code sideDatabase}, check, drop it.</li>
 * <li>{@code DROP_DATABASES}: drop each of {@code dropDatabases} that exists (left-over side databases, previous
 * copies past their grace period).</li>
 * </ul>
 */
public enum RestoreMode {
    IN_PLACE, CLEAN, NEW_DATABASE, VERIFY, DROP_DATABASES
}
