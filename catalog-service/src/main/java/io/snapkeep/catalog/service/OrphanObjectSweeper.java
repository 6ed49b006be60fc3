package io.snapkeep.catalog.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.SnapshotStatus;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.catalog.repository.SnapshotRepository;
import io.snapkeep.catalog.store.ObjectStore;
import io.snapkeep.catalog.store.StoreException;
import io.snapkeep.catalog.store.StoreInventory;
import io.snapkeep.catalog.store.StoreInventory.StoredObject;
import io.vertx.mutiny.core.Vertx;

/**
 * Removes the objects under {@code snapshots/<instance>/<snapshot>/} of snapshots the catalog does not keep: with no
 * row (an upload whose catalog died before its row was written) or with a row FAILED or DELETED (a dump that failed
 * after its object was completed, a deletion that raced a write). A prefix is swept only once its newest object is
 * older than {@code snapkeep.sweep.orphan-grace}, so that an upload whose row is about to be written is never touched;
 * DELETING snapshots are left to {@link DeletionRetries}.
 */
@ApplicationScoped
public class OrphanObjectSweeper {
    private static final Logger LOG = Logger.getLogger(OrphanObjectSweeper.class);
    private static final Set<SnapshotStatus> ENDED_WITHOUT_ARCHIVE = Set.of(SnapshotStatus.FAILED,
            SnapshotStatus.DELETED);

    private final StoreInventory inventory;
    private final ObjectStore store;
    private final SnapshotRepository snapshots;
    private final CatalogConfig config;
    private final Vertx vertx;

    public OrphanObjectSweeper(StoreInventory inventory, ObjectStore store, SnapshotRepository snapshots,
            CatalogConfig config, Vertx vertx) {
        this.inventory = inventory;
        this.store = store;
        this.snapshots = snapshots;
        this.config = config;
        this.vertx = vertx;
    }

    @Scheduled(every = "${snapkeep.sweep.interval:30m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return sweep().onFailure().invoke(e -> LOG.warnf("orphan object sweep failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** @return how many snapshot prefixes were emptied */
    public Uni<Integer> sweep() {
        Instant writtenBefore = Instant.now().minus(config.sweep().orphanGrace());
        return vertx.executeBlocking(() -> settledPrefixes(writtenBefore), false)
                .chain(prefixes -> prefixes.isEmpty() ? Uni.createFrom().item(Map.<String, String>of())
                        : rows(prefixes.values()).map(kept -> orphans(prefixes, kept)))
                .chain(orphans -> orphans.isEmpty() ? Uni.createFrom().item(0)
                        : vertx.executeBlocking(() -> removeAll(orphans), false));
    }

    /** The snapshot prefixes whose newest object was written before {@code writtenBefore}, with their snapshot ids. */
    private Map<String, UUID> settledPrefixes(Instant writtenBefore) {
        Map<String, Instant> newest = new HashMap<>();
        for (StoredObject object : inventory.objects(ArchiveKeys.ROOT)) {
            String prefix = ArchiveKeys.snapshotPrefixOf(object.key());
            if (prefix != null) {
                newest.merge(prefix, object.lastModified(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Map<String, UUID> settled = new HashMap<>();
        newest.forEach((prefix, written) -> {
            if (written.isBefore(writtenBefore)) {
                settled.put(prefix, ArchiveKeys.snapshotIdOfPrefix(prefix));
            }
        });
        return settled;
    }

    @WithSession
    Uni<Map<UUID, SnapshotStatus>> rows(Iterable<UUID> ids) {
        List<UUID> list = new ArrayList<>();
        ids.forEach(list::add);
        return snapshots.list("id in ?1", list).map(found -> {
            Map<UUID, SnapshotStatus> statuses = new HashMap<>();
            for (Snapshot snapshot : found) {
                statuses.put(snapshot.id, snapshot.status);
            }
            return statuses;
        });
    }

    /** @return each orphaned prefix with why: its snapshot has no row, or the status it ended in */
    private static Map<String, String> orphans(Map<String, UUID> prefixes, Map<UUID, SnapshotStatus> rows) {
        Map<String, String> orphans = new HashMap<>();
        prefixes.forEach((prefix, id) -> {
            SnapshotStatus status = rows.get(id);
            if (status == null) {
                orphans.put(prefix, "no snapshot was recorded there");
            } else if (ENDED_WITHOUT_ARCHIVE.contains(status)) {
                orphans.put(prefix, "its snapshot is " + status);
            }
        });
        return orphans;
    }

    private int removeAll(Map<String, String> orphans) {
        int removed = 0;
        for (Map.Entry<String, String> orphan : orphans.entrySet()) {
            String prefix = orphan.getKey();
            try {
                store.deleteAll(prefix, null);
                removed++;
                LOG.infof("removed the objects under %s: %s", prefix, orphan.getValue());
            } catch (StoreException e) {
                LOG.warnf("the objects under %s stay: %s", prefix, e.getMessage());
            }
        }
        return removed;
    }
}
