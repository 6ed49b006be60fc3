package io.snapkeep.catalog.mapping;

import java.time.Instant;
import java.util.function.Function;

import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.JobStatus;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.rest.dto.ConnectionView;
import io.snapkeep.catalog.rest.dto.CustomPolicy;
import io.snapkeep.catalog.rest.dto.InstanceView;
import io.snapkeep.catalog.rest.dto.JobView;
import io.snapkeep.catalog.rest.dto.PageView;
import io.snapkeep.catalog.rest.dto.SnapshotView;
import io.snapkeep.catalog.rest.dto.StorageView;
import io.snapkeep.catalog.service.JobEta;
import io.snapkeep.catalog.service.PageRequest;
import io.snapkeep.catalog.service.Paged;

/** Turns entities into what the API shows; the sealed password never leaves. */
public final class Views {
    private Views() {
    }

    public static InstanceView of(Instance i) {
        return new InstanceView(i.id, i.name, i.engine,
                new ConnectionView(i.host, i.port, i.databaseName, i.username, i.sslmode, i.sslRootCert), i.policy,
                i.status.name(), i.createdAt, i.custom == null ? null
                        : new CustomPolicy(i.custom.cron, i.custom.keepLast, i.custom.hourly, i.custom.daily,
                                i.custom.weekly, i.custom.monthly));
    }

    public static SnapshotView of(Snapshot s) {
        return new SnapshotView(s.id, s.instanceId, s.name, s.origin.name(), s.status.name(), s.format,
                DumpOptionsColumn.of(s), s.sizeBytes, s.sha256, s.serverVersion, s.toolVersion, s.createdAt, s.completedAt, s.expiresAt,
                s.error, s.dumpJobId, s.sourceDatabase, s.dumpedAt, s.archiveVersion, storageOf(s));
    }

    private static StorageView storageOf(Snapshot s) {
        if (s.codec == null) {
            return s.objectKey == null ? null : new StorageView("none", "none", null, null, s.sizeBytes, s.sha256);
        }
        return new StorageView(s.codec, s.encryption, s.formatVersion, s.keyId, s.storedBytes, s.storedSha256);
    }

    public static JobView of(Job j) {
        return new JobView(j.id, j.type.name(), j.instanceId, j.snapshotId, j.status.name(), j.attempt,
                j.progressBytes, j.expectedBytes, JobEta.secondsLeft(j, Instant.now()),
                j.status == JobStatus.RUNNING ? j.phase : null, j.workerId, j.error, j.cancelRequestedBy, j.retryOf,
                j.createdAt, j.startedAt, j.finishedAt, j.updatedAt);
    }

    public static <E, V> PageView<V> page(Paged<E> paged, PageRequest request, Function<E, V> view) {
        return new PageView<>(paged.items().stream().map(view).toList(), request.page(), request.size(),
                paged.total());
    }
}
