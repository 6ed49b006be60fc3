package io.snapkeep.catalog.auth.service;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.auth.ApiToken;
import io.snapkeep.catalog.auth.ApiTokenRepository;
import io.snapkeep.catalog.auth.Role;
import io.snapkeep.catalog.auth.Secrets;
import io.snapkeep.catalog.auth.UserRepository;
import io.snapkeep.catalog.config.CatalogConfig;

/**
 * At start: registers the configured scheduler token (again, should it have been revoked: configuration decides which
 * token the scheduler holds), and, when there is no admin at all, the bootstrap admin token.
 * Without an admin and without a bootstrap token the catalog refuses to start (unless {@code require-admin} is off),
 * as nobody could ever manage it. Neither token is ever logged.
 */
@ApplicationScoped
public class AdminBootstrap {
    static final String BOOTSTRAP_NAME = "bootstrap";
    static final String SCHEDULER_NAME = "scheduler";
    static final String CONFIGURATION = "configuration";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final TokenService tokenService;
    private final CatalogConfig.Auth config;
    private final Clock clock;

    public AdminBootstrap(ApiTokenRepository tokens, UserRepository users, TokenService tokenService,
            CatalogConfig config, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.tokenService = tokenService;
        this.config = config.auth();
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        Optional<String> bootstrap = config.bootstrapToken().map(t -> checked(t, "snapkeep.auth.bootstrap-token"));
        Optional<String> scheduler = config.schedulerToken().map(t -> checked(t, "snapkeep.auth.scheduler-token"));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> schedulerToken(scheduler).chain(() -> adminToken(bootstrap))));
    }

    private Uni<Void> schedulerToken(Optional<String> token) {
        if (token.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String hash = Secrets.hash(token.get());
        return tokens.findByHash(hash).chain(existing -> {
            if (existing != null && existing.revokedAt == null) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> others = tokens.listActiveNamed(SCHEDULER_NAME).invoke(old -> old.stream()
                    .filter(t -> CONFIGURATION.equals(t.createdBy)).forEach(t -> t.revokedAt = clock.instant()))
                    .replaceWithVoid();
            if (existing != null) {
                return others.invoke(() -> {
                    existing.revokedAt = null;
                    LOG.info("registered the scheduler's API token from snapkeep.auth.scheduler-token again");
                });
            }
            return others.chain(() -> tokens.persist(tokenService.newToken(SCHEDULER_NAME, Role.OPERATOR, token.get(),
                            CONFIGURATION)))
                    .invoke(() -> LOG.info("registered the scheduler's API token from snapkeep.auth.scheduler-token"))
                    .replaceWithVoid();
        });
    }

    private Uni<Void> adminToken(Optional<String> token) {
        return users.countAdmins().chain(admins -> tokens.countUsableAdmins(clock.instant())
                .chain(adminTokens -> {
                    if (admins + adminTokens > 0) {
                        return token.isEmpty() ? Uni.createFrom().voidItem()
                                : tokens.findByHash(Secrets.hash(token.get())).invoke(known -> {
                                    if (known == null) {
                                        LOG.warn("snapkeep.auth.bootstrap-token was not registered: the catalog has an"
                                                + " admin already; use that admin's token or user");
                                    }
                                }).replaceWithVoid();
                    }
                    if (token.isEmpty()) {
                        return noAdmin();
                    }
                    return tokens.findByHash(Secrets.hash(token.get())).chain(existing -> {
                        if (existing != null) {
                            return Uni.createFrom().failure(new IllegalStateException("snapkeep.auth.bootstrap-token"
                                    + " was revoked or has expired and no admin is left: set a new one."));
                        }
                        ApiToken admin = tokenService.newToken(BOOTSTRAP_NAME, Role.ADMIN, token.get(), CONFIGURATION);
                        return tokens.persist(admin).invoke(() -> LOG.info(
                                "no admin yet: registered the admin token from snapkeep.auth.bootstrap-token"))
                                .replaceWithVoid();
                    });
                }));
    }

    private Uni<Void> noAdmin() {
        if (config.requireAdmin()) {
            return Uni.createFrom().failure(new IllegalStateException("The catalog has no admin user or token:"
                    + " start it once with SNAPKEEP_AUTH_BOOTSTRAP_TOKEN set to a new token (snk_ and 32 random bytes"
                    + " in base64url) and create users and tokens with it."));
        }
        LOG.warn("the catalog has no admin user or token and no snapkeep.auth.bootstrap-token: nobody can manage it");
        return Uni.createFrom().voidItem();
    }

    private static String checked(String token, String key) {
        String stripped = token.strip();
        if (!Secrets.isApiTokenShaped(stripped)) {
            throw new IllegalStateException(key + " must be 'snk_' and at least 43 base64url characters (32 random"
                    + " bytes), e.g. snk_$(openssl rand 32 | basenc --base64url | tr -d '=')");
        }
        return stripped;
    }
}
