package io.snapkeep.catalog.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.JobStatus;
import io.snapkeep.catalog.repository.JobRepository;

/** Reads jobs: one by id, or a filtered page, newest first. */
@ApplicationScoped
public class JobQueries {
    private final JobRepository jobs;

    public JobQueries(JobRepository jobs) {
        this.jobs = jobs;
    }

    @WithSession
    public Uni<Job> get(UUID id) {
        return jobs.findById(id).onItem().ifNull().failWith(() -> CatalogException.notFound("job", id));
    }

    @WithSession
    public Uni<Paged<Job>> page(UUID instanceId, UUID snapshotId, String status, PageRequest request) {
        QueryFilter filter = new QueryFilter().equal("instanceId", instanceId).equal("snapshotId", snapshotId)
                .equal("status", status == null ? null : SnapshotQueries.parse(JobStatus.class, "status", status));
        return QueryFilter.page(jobs.find(filter.where(), Sort.descending("createdAt", "id"), filter.params()),
                request);
    }
}
