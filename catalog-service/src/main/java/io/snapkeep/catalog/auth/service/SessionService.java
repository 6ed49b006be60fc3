package io.snapkeep.catalog.auth.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.auth.Caller;
import io.snapkeep.catalog.auth.Secrets;
import io.snapkeep.catalog.auth.SessionRepository;
import io.snapkeep.catalog.auth.UserAccount;
import io.snapkeep.catalog.auth.UserRepository;
import io.snapkeep.catalog.auth.UserSession;
import io.snapkeep.catalog.auth.dto.LoginRequest;
import io.snapkeep.catalog.auth.dto.LoginView;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.catalog.service.CatalogException;

/**
 * Signs users in and out of the console. A login checks the throttle, then the bcrypt hash (outside any
 * transaction), then opens a session whose cookie secret and CSRF token are stored as hashes only. A failed login
 * is logged with the user name and address, never the password.
 */
@ApplicationScoped
public class SessionService {
    private static final Logger LOG = Logger.getLogger(SessionService.class);
    private static final String WRONG = "Wrong user name or password.";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final CatalogConfig config;

    public SessionService(UserRepository users, SessionRepository sessions, PasswordHasher hasher,
            LoginThrottle throttle, Clock clock, CatalogConfig config) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
        this.config = config;
    }

    /** A new session and the secret its cookie carries. */
    public record Opened(LoginView view, String cookieSecret) {
    }

    public Uni<Opened> login(LoginRequest request, String client) {
        if (request == null || request.username() == null || request.password() == null) {
            return Uni.createFrom().failure(CatalogException.invalid("body",
                    "Give a user name and a password: {\"username\": ..., \"password\": ...}."));
        }
        String username = request.username();
        return Uni.createFrom().item(() -> {
            throttle.admit(username, client);
            return username;
        }).chain(name -> Panache.withSession(() -> users.findByUsername(name)))
                .chain(user -> hasher.matches(request.password(), user == null ? null : user.passwordHash)
                        .chain(ok -> {
                            if (!ok) {
                                throttle.failed(username, client);
                                LOG.warnf("login failed for user '%s' from %s", printable(username), client);
                                return Uni.createFrom().failure(CatalogException.unauthorized(WRONG));
                            }
                            throttle.succeeded(username);
                            return Panache.withTransaction(() -> open(user));
                        }));
    }

    /** Ends the caller's session; a token caller has none, so nothing changes. */
    public Uni<Void> logout(Caller caller) {
        if (caller == null || caller.kind() != Caller.Kind.SESSION) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> sessions.deleteById(caller.id())).replaceWithVoid();
    }

    private Uni<Opened> open(UserAccount user) {
        Instant now = clock.instant();
        String cookie = Secrets.newSessionSecret();
        String csrf = Secrets.newSessionSecret();
        UserSession session = new UserSession();
        session.id = UUID.randomUUID();
        session.userId = user.id;
        session.tokenHash = Secrets.hash(cookie);
        session.csrfHash = Secrets.hash(csrf);
        session.createdAt = now;
        session.lastUsedAt = now;
        session.expiresAt = now.plus(config.auth().sessionLifetime());
        return sessions.deleteExpired(now).chain(() -> sessions.persist(session))
                .map(saved -> new Opened(new LoginView(user.username, user.role, csrf, saved.expiresAt), cookie));
    }

    private static String printable(String username) {
        String cut = username.length() > 64 ? username.substring(0, 64) + "…" : username;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
