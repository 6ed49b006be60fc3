package io.snapkeep.catalog.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.catalog.repository.JobRepository;
import io.snapkeep.catalog.store.StoreException;
import io.snapkeep.catalog.store.StoreInventory;
import io.snapkeep.catalog.store.StoreInventory.PendingUpload;
import io.vertx.mutiny.core.Vertx;

/**
 * Aborts the incomplete multipart uploads under {@code snapshots/} that the store lists as started more than
 * {@code snapkeep.sweep.multipart-age} ago — what a worker or catalog killed mid-upload leaves, holding space until
 * aborted — unless a queued or running job still works on their snapshot (a dump of many hours).
 */
@ApplicationScoped
public class MultipartSweeper {
    private static final Logger LOG = Logger.getLogger(MultipartSweeper.class);

    private final StoreInventory inventory;
    private final JobRepository jobs;
    private final CatalogConfig config;
    private final Vertx vertx;

    public MultipartSweeper(StoreInventory inventory, JobRepository jobs, CatalogConfig config, Vertx vertx) {
        this.inventory = inventory;
        this.jobs = jobs;
        this.config = config;
        this.vertx = vertx;
    }

    @Scheduled(every = "${snapkeep.sweep.interval:30m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return sweep().onFailure().invoke(e -> LOG.warnf("multipart upload sweep failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** @return how many multipart uploads were aborted */
    public Uni<Integer> sweep() {
        Instant startedBefore = Instant.now().minus(config.sweep().multipartAge());
        return vertx.executeBlocking(() -> inventory.uploads(ArchiveKeys.ROOT).stream()
                .filter(upload -> upload.initiated() != null && upload.initiated().isBefore(startedBefore)).toList(),
                false)
                .chain(old -> old.isEmpty() ? Uni.createFrom().item(old) : snapshotsInWork().map(busy -> old.stream()
                        .filter(upload -> !busy.contains(snapshotOf(upload))).toList()))
                .chain(stale -> stale.isEmpty() ? Uni.createFrom().item(0)
                        : vertx.executeBlocking(() -> abortAll(stale), false));
    }

    @WithSession
    Uni<Set<UUID>> snapshotsInWork() {
        return jobs.listActiveOnArchives().map(active -> active.stream().map(job -> job.snapshotId)
                .collect(Collectors.toSet()));
    }

    private int abortAll(List<PendingUpload> stale) {
        int aborted = 0;
        for (PendingUpload upload : stale) {
            try {
                inventory.abort(upload);
                aborted++;
                LOG.infof("aborted the incomplete multipart upload of %s, started %s", upload.key(), upload.initiated());
            } catch (StoreException e) {
                LOG.warnf("the incomplete multipart upload of %s stays: %s", upload.key(), e.getMessage());
            }
        }
        return aborted;
    }

    private static UUID snapshotOf(PendingUpload upload) {
        String prefix = ArchiveKeys.snapshotPrefixOf(upload.key());
        return prefix == null ? null : ArchiveKeys.snapshotIdOfPrefix(prefix);
    }
}
