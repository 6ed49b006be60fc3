package io.snapkeep.catalog.auth.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.auth.ApiToken;
import io.snapkeep.catalog.auth.ApiTokenRepository;
import io.snapkeep.catalog.auth.Caller;
import io.snapkeep.catalog.auth.Role;
import io.snapkeep.catalog.auth.Secrets;
import io.snapkeep.catalog.auth.dto.CreateTokenRequest;
import io.snapkeep.catalog.auth.dto.NewTokenView;
import io.snapkeep.catalog.auth.dto.TokenView;
import io.snapkeep.catalog.service.CatalogException;

/** Creates, lists and revokes API tokens; a token's secret is shown once and stored only as its hash. */
@ApplicationScoped
public class TokenService {
    static final int MAX_NAME = 100;

    private final ApiTokenRepository tokens;
    private final Clock clock;

    public TokenService(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<NewTokenView> create(CreateTokenRequest request, Caller creator) {
        return Uni.createFrom().item(() -> validated(request)).chain(valid -> {
            String secret = Secrets.newApiToken();
            ApiToken token = newToken(valid.name().strip(), Role.parse(valid.role(), "role"), secret,
                    creator.name());
            token.expiresAt = valid.expiresAt();
            return tokens.persist(token).map(saved -> new NewTokenView(saved.id, saved.name, saved.role, secret,
                    saved.expiresAt, saved.createdAt));
        });
    }

    @WithSession
    public Uni<List<TokenView>> list() {
        return tokens.listAll(Sort.descending("createdAt")).map(all -> all.stream().map(TokenService::view).toList());
    }

    /** Revokes the token: refused from its next call on. Revoking a revoked token again changes nothing. */
    @WithTransaction
    public Uni<Void> revoke(UUID id) {
        return tokens.findById(id).onItem().ifNull().failWith(() -> CatalogException.notFound("API token", id))
                .invoke(token -> {
                    if (token.revokedAt == null) {
                        token.revokedAt = clock.instant();
                    }
                }).replaceWithVoid();
    }

    /** A token row for {@code secret}, not yet persisted. */
    ApiToken newToken(String name, Role role, String secret, String createdBy) {
        ApiToken token = new ApiToken();
        token.id = UUID.randomUUID();
        token.name = name;
        token.role = role.id();
        token.tokenHash = Secrets.hash(secret);
        token.createdBy = createdBy;
        token.createdAt = clock.instant();
        return token;
    }

    private CreateTokenRequest validated(CreateTokenRequest request) {
        if (request == null) {
            throw CatalogException.invalid("body", "A JSON body is required: {\"name\": ..., \"role\": ...}.");
        }
        if (request.name() == null || request.name().isBlank() || request.name().strip().length() > MAX_NAME) {
            throw CatalogException.invalid("name", "name is required: 1 to " + MAX_NAME + " characters.");
        }
        Role.parse(request.role(), "role");
        Instant now = clock.instant();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw CatalogException.invalid("expiresAt", "expiresAt must be in the future.");
        }
        return request;
    }

    private static TokenView view(ApiToken t) {
        return new TokenView(t.id, t.name, t.role, t.createdBy, t.createdAt, t.expiresAt, t.lastUsedAt, t.revokedAt);
    }
}
