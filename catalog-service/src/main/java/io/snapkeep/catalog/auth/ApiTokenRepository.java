package io.snapkeep.catalog.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepositoryBase<ApiToken, UUID> {

    /** Admin tokens that still work: neither revoked nor expired. */
    public Uni<Long> countUsableAdmins(Instant now) {
        return count("role = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2)",
                Role.ADMIN.id(), now);
    }

    public Uni<ApiToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    /** The tokens of {@code name} that are not revoked. */
    public Uni<List<ApiToken>> listActiveNamed(String name) {
        return list("name = ?1 and revokedAt is null", name);
    }
}
