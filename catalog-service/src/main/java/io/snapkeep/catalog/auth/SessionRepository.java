package io.snapkeep.catalog.auth;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<UserSession, UUID> {

    /** Ends every session of a user, e.g. when its password or role changes. */
    public Uni<Long> deleteForUser(UUID userId) {
        return delete("userId", userId);
    }

    public Uni<Long> deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
