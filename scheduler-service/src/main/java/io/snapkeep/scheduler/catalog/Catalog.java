package io.snapkeep.scheduler.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What the scheduler asks of the catalog, over its REST API. Blocking calls: use from worker threads (scheduled
 * methods run there).
 */
@ApplicationScoped
public class Catalog {
    private static final int PAGE_SIZE = 500;
    private static final Set<String> ARCHIVE_JOBS = Set.of("DUMP", "RESTORE");

    private final CatalogClient client;

    public Catalog(@RestClient CatalogClient client) {
        this.client = client;
    }

    /** What came of a deletion retention asked for. */
    public enum Deletion {
        /** The archive left the store and the snapshot is DELETED (or already was). */
        DELETED,
        /** The catalog refused: a job reads it, or retention computed now keeps it. */
        KEPT,
        /** No such snapshot. */
        GONE
    }

    /** Every live instance, all pages read. */
    public List<InstanceView> instances() {
        return all(page -> client.instances(page, PAGE_SIZE));
    }

    /** The instance's COMPLETED snapshots. */
    public List<SnapshotView> completedSnapshots(String instanceId) {
        return all(page -> client.snapshots(instanceId, "COMPLETED", null, page, PAGE_SIZE));
    }

    /** Whether a snapshot (of any status, DELETED too) was made for the request. */
    public boolean hasSnapshotFor(String requestId) {
        return client.snapshots(null, null, requestId, 0, 1).total() > 0;
    }

    /** Ids of the snapshots that queued or running dump and restore jobs read. */
    public Set<String> snapshotsReadByJobs() {
        Set<String> read = new HashSet<>();
        for (String status : List.of("QUEUED", "RUNNING")) {
            all(page -> client.jobs(status, page, PAGE_SIZE)).stream()
                    .filter(job -> ARCHIVE_JOBS.contains(job.type()) && job.snapshotId() != null)
                    .forEach(job -> read.add(job.snapshotId()));
        }
        return read;
    }

    /** Deletes a snapshot only while the catalog's retention, computed at that moment, deletes it too. */
    public Deletion deleteForRetention(String snapshotId) {
        try {
            client.deleteSnapshot(snapshotId, true).close();
            return Deletion.DELETED;
        } catch (WebApplicationException e) {
            return switch (e.getResponse().getStatus()) {
                case 404 -> Deletion.GONE;
                case 409 -> Deletion.KEPT;
                default -> throw e;
            };
        }
    }

    /** Throws when the catalog does not answer. */
    public void probe() {
        client.policies().close();
    }

    private static <T> List<T> all(IntFunction<PageView<T>> pageReader) {
        List<T> all = new ArrayList<>();
        for (int page = 0;; page++) {
            PageView<T> p = pageReader.apply(page);
            all.addAll(p.items());
            if (p.items().size() < PAGE_SIZE || all.size() >= p.total()) {
                return all;
            }
        }
    }
}
