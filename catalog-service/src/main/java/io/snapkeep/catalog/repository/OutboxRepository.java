package io.snapkeep.catalog.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.OutboxMessage;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, Long> {
    /** Arbitrary constant naming the relay's PostgreSQL advisory lock. */
    private static final long RELAY_LOCK = 0x5_4A9_0B0L;

    /**
     * Takes the relay lock for the current transaction. Only one catalog replica publishes at a time, so rows
     * go out in id order and one instance's jobs keep their order on Kafka.
     */
    public Uni<Boolean> tryRelayLock() {
        return getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class)
                .getSingleResult());
    }

    public Uni<List<OutboxMessage>> oldestPending(int limit) {
        return find("publishedAt is null", Sort.by("id")).page(0, limit).list();
    }
}
