package io.snapkeep.catalog.sealing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.snapkeep.archive.WrappedKey;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.service.CatalogException;
import io.snapkeep.catalog.service.FreshContext;
import io.vertx.core.Vertx;

/**
 * Re-wraps the data keys of existing snapshots to the active archive key, without touching their objects: each data
 * key is opened with the key that wraps it now and wrapped again with the active one, in batches, each batch one
 * transaction, keyset-paged by id so a snapshot that cannot be re-wrapped (its key is missing) is counted once and
 * left as it was. A run goes on in the background; its row shows its progress. Once no snapshot names an old key
 * ({@code GET /admin/keys}), that key can be removed from {@code snapkeep.archive.keys}.
 */
@ApplicationScoped
public class KeyRewraps {
    private static final Logger LOG = Logger.getLogger(KeyRewraps.class);
    private static final int BATCH = 200;
    /** Before every id in PostgreSQL's order of uuids (unsigned, byte by byte). */
    private static final UUID FIRST = new UUID(0, 0);

    private final KeyRewrapRepository runs;
    private final ArchiveSealing sealing;
    private final Vertx vertx;

    public KeyRewraps(KeyRewrapRepository runs, ArchiveSealing sealing, Vertx vertx) {
        this.runs = runs;
        this.sealing = sealing;
        this.vertx = vertx;
    }

    void failInterrupted(@Observes StartupEvent start) {
        FreshContext.run(vertx, () -> Panache.withTransaction(runs::failInterrupted).subscribe().with(
                count -> {
                    if (count > 0) {
                        LOG.warnf("%d re-wrap runs were interrupted by a restart and marked FAILED", count);
                    }
                }, e -> LOG.warnf("could not mark interrupted re-wrap runs: %s", e.getMessage())));
    }

    /** Starts a run (409 while another runs) and returns it, RUNNING; it goes on after the answer. */
    public Uni<KeyRewrap> start(String actor) {
        return begin(actor).invoke(run -> FreshContext.run(vertx, () -> next(run.id, FIRST)));
    }

    @WithTransaction
    Uni<KeyRewrap> begin(String actor) {
        String active = sealing.keyring().activeId();
        return runs.count("status", KeyRewrap.RUNNING).chain(running -> {
            if (running > 0) {
                throw CatalogException.conflict("A re-wrap is running already: wait until it ended.");
            }
            return runs.countWrappedByOthers(active);
        }).chain(total -> {
            KeyRewrap run = new KeyRewrap();
            run.id = UUID.randomUUID();
            run.requestedBy = actor;
            run.targetKey = active;
            run.status = KeyRewrap.RUNNING;
            run.total = total.intValue();
            run.createdAt = Instant.now();
            LOG.infof("re-wrap %s by %s: %d snapshots to archive key %s", run.id, actor, run.total, active);
            return runs.persist(run);
        });
    }

    @WithSession
    public Uni<KeyRewrap> get(UUID id) {
        return runs.findById(id).onItem().ifNull().failWith(() -> CatalogException.notFound("re-wrap", id));
    }

    @WithSession
    public Uni<List<Object[]>> usage() {
        return runs.usage();
    }

    private void next(UUID runId, UUID after) {
        batch(runId, after).subscribe().with(last -> {
            if (last != null) {
                next(runId, last);
            }
        }, e -> LOG.errorf("re-wrap %s stopped: %s", runId, e.getMessage()));
    }

    /** @return the last snapshot id of this batch, or null once the run ended */
    @WithTransaction
    Uni<UUID> batch(UUID runId, UUID after) {
        return runs.findById(runId).chain(run -> runs.wrappedByOthers(run.targetKey, after, BATCH).map(found -> {
            for (Snapshot snapshot : found) {
                rewrap(run, snapshot);
            }
            if (found.size() < BATCH) {
                finish(run);
                return null;
            }
            return found.get(found.size() - 1).id;
        }));
    }

    private void rewrap(KeyRewrap run, Snapshot snapshot) {
        try {
            WrappedKey rewrapped = ArchiveChains.keyOf(snapshot).rewrap(sealing.keyring());
            snapshot.keyId = rewrapped.keyId();
            snapshot.wrappedKey = rewrapped.sealedBase64();
            run.rewrapped++;
        } catch (Exception e) {
            run.failed++;
            run.error = "snapshot " + snapshot.id + ": " + e.getMessage();
            LOG.warnf("re-wrap %s: snapshot %s left under archive key %s: %s", run.id, snapshot.id, snapshot.keyId,
                    e.getMessage());
        }
    }

    private static void finish(KeyRewrap run) {
        run.status = run.failed == 0 ? KeyRewrap.SUCCEEDED : KeyRewrap.FAILED;
        run.finishedAt = Instant.now();
        if (run.failed > 0) {
            run.error = run.failed + " snapshots could not be re-wrapped; the last: " + run.error;
        }
        LOG.infof("re-wrap %s %s: %d re-wrapped, %d failed", run.id, run.status, run.rewrapped, run.failed);
    }
}
