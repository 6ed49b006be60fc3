package io.snapkeep.catalog.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.repository.JobRepository;

/** Drops the previous copies in-place restores kept, once their grace period ended. */
@ApplicationScoped
public class PreviousCopySweeper {
    private static final Logger LOG = Logger.getLogger(PreviousCopySweeper.class);

    private final JobRepository jobs;
    private final CleanupJobs cleanups;

    public PreviousCopySweeper(JobRepository jobs, CleanupJobs cleanups) {
        this.jobs = jobs;
        this.cleanups = cleanups;
    }

    @Scheduled(every = "${snapkeep.restore.cleanup-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return sweep().onFailure().invoke(e -> LOG.warnf("previous-copy sweep failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** @return how many previous copies were handed to a cleanup job */
    @WithTransaction
    public Uni<Integer> sweep() {
        return jobs.lockPreviousCopiesDue(Instant.now()).chain(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(cleanups::dropPrevious).collect().asList().map(List::size));
    }
}
