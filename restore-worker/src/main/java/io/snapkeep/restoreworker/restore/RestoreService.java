package io.snapkeep.restoreworker.restore;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.messages.RestoreJob;
import io.snapkeep.messages.RestoreMode;
import io.snapkeep.restoreworker.RestoreFailure;
import io.snapkeep.restoreworker.config.RestoreWorkerConfig;
import io.snapkeep.restoreworker.sql.DatabaseAdmin;
import io.snapkeep.restoreworker.sql.MaintenanceSession;
import io.snapkeep.restoreworker.sql.SwapPause;
import io.snapkeep.worker.job.Cancellation;
import io.snapkeep.worker.pg.PgConnection;
import io.snapkeep.worker.pg.PgEnvironment;
import io.snapkeep.worker.pg.PgInstall;
import io.snapkeep.worker.pg.PgInstallations;
import io.snapkeep.worker.pg.PgVersion;

/**
 * Carries out one restore job on the target server, in this order: connect as the target's user (to the maintenance
 * database, or for CLEAN to the target itself), check the versions, settle what an earlier attempt's swap left
 * ({@link InterruptedSwap}: an in-place restore an earlier attempt swapped ends there, without restoring again), check
 * the role's privileges, drop the databases the job lists, then restore by the job's mode. {@code swapping} runs when
 * a restore passes its point of no return (the swap, or a new database taking its name): from then on it can no longer
 * be cancelled. {@code phases} hears the archive's size and each phase the restore enters.
 */
@ApplicationScoped
public class RestoreService {
    private final PgInstallations installations;
    private final ArchiveLoader loader;
    private final PgEnvironment client;
    private final String maintenanceDatabase;
    private final int swapAttempts;
    private final SwapPause pause;

    RestoreService(PgInstallations installations, ArchiveLoader loader, PgEnvironment client,
            RestoreWorkerConfig config) {
        this.installations = installations;
        this.loader = loader;
        this.client = client;
        this.maintenanceDatabase = config.restore().maintenanceDatabase();
        this.swapAttempts = config.restore().swapAttempts();
        this.pause = new SwapPause(config.restore().testPauseAt(), config.restore().testPauseFor());
    }

    public RestoreOutcome restore(RestoreJob job, PgConnection target, LongConsumer progress, Consumer<Boolean> swapping,
            Cancellation cancellation, RestorePhases phases) throws IOException, InterruptedException {
        String connectTo = job.mode() == RestoreMode.CLEAN ? target.database() : maintenanceDatabase;
        try (MaintenanceSession session = MaintenanceSession.open(target, connectTo, client)) {
            PgVersion server = session.serverVersion();
            boolean restores = job.mode() != RestoreMode.DROP_DATABASES;
            if (restores) {
                VersionCheck.requireRestorable(job.sourceServerVersion(), server);
            }
            PgInstall tool = restores ? installations.newest() : null;
            RestoreContext context = new RestoreContext(job, target, session, new DatabaseAdmin(session), tool, loader,
                    progress, swapping, cancellation, phases);
            Optional<LoadedArchive> swappedBefore = InterruptedSwap.settle(context);
            if (swappedBefore.isPresent()) {
                dropListed(context);
                return outcome(swappedBefore.get(), server);
            }
            Preflight.check(context);
            dropListed(context);
            LoadedArchive loaded = switch (job.mode()) {
                case IN_PLACE, NEW_DATABASE, VERIFY -> SideDatabaseRestore.run(context, swapAttempts, pause);
                case CLEAN -> context.loadInto(target.database(), true);
                case DROP_DATABASES -> new LoadedArchive(0, null, null);
            };
            return outcome(loaded, server);
        } catch (SQLException e) {
            throw new RestoreFailure("the database server refused: " + e.getMessage(), e);
        }
    }

    private static RestoreOutcome outcome(LoadedArchive loaded, PgVersion server) {
        return new RestoreOutcome(loaded.bytes(), loaded.sha256(), server.number(), loaded.toolVersion());
    }

    private static void dropListed(RestoreContext context) {
        for (String name : context.job().dropDatabases()) {
            try {
                context.admin().dropIfExists(name);
            } catch (SQLException e) {
                throw new RestoreFailure("could not drop database " + name + " as the job asks: " + e.getMessage(), e);
            }
        }
    }
}
