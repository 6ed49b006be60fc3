package io.snapkeep.restoreworker.sql;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

import org.jboss.logging.Logger;

import io.snapkeep.restoreworker.RestoreFailure;
import io.snapkeep.restoreworker.config.SwapPausePoint;

/**
 * Puts a restored side database in the place of the target. New connections to the target are refused first, its
 * sessions ended, then both renames (target to previous, side to target) and the re-opening of the previous copy run
 * in one transaction: either all of them happen or none. A client that connects in between makes the rename fail;
 * it is tried again a few times. When it cannot be done the target is re-opened, exactly as it was. A worker killed
 * between the closing and the commit leaves the target closed and nothing renamed; the next attempt re-opens it
 * ({@code InterruptedSwap}). When the previous copy's name is taken (an earlier attempt of the job swapped meanwhile)
 * the first rename fails with {@code duplicate_database} and nothing is renamed.
 */
public final class DatabaseSwap {
    private static final Logger LOG = Logger.getLogger(DatabaseSwap.class);
    private static final Duration PAUSE = Duration.ofMillis(300);

    private final MaintenanceSession session;
    private final DatabaseAdmin admin;
    private final int attempts;
    private final SwapPause pause;

    public DatabaseSwap(MaintenanceSession session, DatabaseAdmin admin, int attempts, SwapPause pause) {
        this.session = session;
        this.admin = admin;
        this.attempts = attempts;
        this.pause = pause;
    }

    public void swap(DatabaseInfo target, String side, String previous) throws SQLException {
        String name = target.name();
        admin.setAllowConnections(name, false);
        boolean swapped = false;
        try {
            pause.at(SwapPausePoint.AFTER_CLOSE, name);
            Set<String> unstoppable = Set.of();
            for (int attempt = 1; attempt <= attempts; attempt++) {
                unstoppable = admin.terminateSessions(name);
                try {
                    session.inTransaction(s -> {
                        s.execute("SET LOCAL lock_timeout = '10s'");
                        s.execute("ALTER DATABASE " + Sql.identifier(name) + " RENAME TO " + Sql.identifier(previous));
                        s.execute("ALTER DATABASE " + Sql.identifier(side) + " RENAME TO " + Sql.identifier(name));
                        s.execute("ALTER DATABASE " + Sql.identifier(previous) + " WITH ALLOW_CONNECTIONS "
                                + target.allowConnections());
                    });
                    swapped = true;
                    pause.at(SwapPausePoint.AFTER_SWAP, name);
                    return;
                } catch (SQLException e) {
                    if (!SqlStates.is(e, SqlStates.OBJECT_IN_USE) && !SqlStates.is(e, SqlStates.LOCK_NOT_AVAILABLE)) {
                        throw e;
                    }
                    LOG.infof("renaming %s, attempt %d of %d: %s", name, attempt, attempts, e.getMessage());
                    pause(attempt);
                }
            }
            throw new RestoreFailure("could not take database " + name + " over: it still had other sessions after "
                    + attempts + " attempts to end them" + (unstoppable.isEmpty() ? ""
                            : " (role " + session.rights().name() + " may not end the sessions of " + unstoppable
                                    + ": it needs to be a member of those roles or of pg_signal_backend)")
                    + "; the target was left as it was");
        } finally {
            if (!swapped) {
                reopen(target);
            }
        }
    }

    private void reopen(DatabaseInfo target) {
        try {
            admin.setAllowConnections(target.name(), target.allowConnections());
        } catch (SQLException e) {
            LOG.errorf("could not re-open database %s after a failed swap: run ALTER DATABASE ... WITH"
                    + " ALLOW_CONNECTIONS true by hand: %s", target.name(), e.getMessage());
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(PAUSE.toMillis() * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestoreFailure("interrupted while taking the target over; the target was left as it was", e);
        }
    }
}
