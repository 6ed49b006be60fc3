package io.snapkeep.catalog.auth.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.auth.ApiTokenRepository;
import io.snapkeep.catalog.auth.Caller;
import io.snapkeep.catalog.auth.Role;
import io.snapkeep.catalog.auth.SessionRepository;
import io.snapkeep.catalog.auth.UserAccount;
import io.snapkeep.catalog.auth.UserRepository;
import io.snapkeep.catalog.auth.dto.CreateUserRequest;
import io.snapkeep.catalog.auth.dto.UpdateUserRequest;
import io.snapkeep.catalog.auth.dto.UserView;
import io.snapkeep.catalog.service.CatalogException;

/**
 * Manages console users. Passwords are hashed with bcrypt outside any transaction (a hash is slow on purpose); a
 * changed password or role ends the user's sessions; the last way in as admin cannot be removed.
 */
@ApplicationScoped
public class UserService {
    static final int MIN_PASSWORD = 10;
    /** bcrypt reads no further than 72 bytes. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final UserRepository users;
    private final SessionRepository sessions;
    private final ApiTokenRepository tokens;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(UserRepository users, SessionRepository sessions, ApiTokenRepository tokens,
            PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.hasher = hasher;
        this.clock = clock;
    }

    public Uni<UserView> create(CreateUserRequest request) {
        if (request == null) {
            return Uni.createFrom().failure(CatalogException.invalid("body",
                    "A JSON body is required: {\"username\": ..., \"password\": ..., \"role\": ...}."));
        }
        return Uni.createFrom().item(() -> {
            checkUsername(request.username());
            checkPassword(request.password());
            return Role.parse(request.role(), "role");
        }).chain(role -> hasher.hash(request.password()).chain(hash -> Panache.withTransaction(
                () -> users.findByUsername(request.username()).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(CatalogException.conflict(
                                "A user named '" + request.username() + "' already exists: choose another name."));
                    }
                    UserAccount user = new UserAccount();
                    user.id = UUID.randomUUID();
                    user.username = request.username();
                    user.passwordHash = hash;
                    user.role = role.id();
                    user.createdAt = clock.instant();
                    user.updatedAt = user.createdAt;
                    return users.persist(user);
                })))).map(UserService::view);
    }

    @WithSession
    public Uni<List<UserView>> list() {
        return users.listAll(Sort.ascending("username")).map(all -> all.stream().map(UserService::view).toList());
    }

    @WithSession
    public Uni<UserView> get(UUID id) {
        return find(id).map(UserService::view);
    }

    /** An admin may change any user's password and role; any other user only its own password. */
    public Uni<UserView> update(UUID id, UpdateUserRequest request, Caller caller) {
        boolean admin = caller.role().includes(Role.ADMIN);
        if (!admin && (request != null && request.role() != null || !id.equals(caller.userId()))) {
            return Uni.createFrom().failure(CatalogException.forbidden(
                    "This call needs the admin role; a user may change only its own password."));
        }
        if (request == null || request.password() == null && request.role() == null) {
            return Uni.createFrom().failure(CatalogException.invalid("body",
                    "Give a new password, a new role, or both: {\"password\": ...} or {\"role\": ...}."));
        }
        Uni<String> hash = Uni.createFrom().item(() -> {
            if (request.password() != null) {
                checkPassword(request.password());
            }
            return request.role() == null ? null : Role.parse(request.role(), "role");
        }).chain(role -> request.password() == null ? Uni.createFrom().nullItem() : hasher.hash(request.password()));
        return hash.chain(newHash -> Panache.withTransaction(() -> find(id).chain(user -> {
            Role role = request.role() == null ? Role.of(user.role) : Role.parse(request.role(), "role");
            Uni<Void> guard = Role.of(user.role) == Role.ADMIN && role != Role.ADMIN ? keepAnAdmin(user)
                    : Uni.createFrom().voidItem();
            return guard.chain(() -> {
                user.role = role.id();
                if (newHash != null) {
                    user.passwordHash = newHash;
                }
                user.updatedAt = clock.instant();
                return sessions.deleteForUser(user.id).replaceWith(user);
            });
        }))).map(UserService::view);
    }

    public Uni<Void> delete(UUID id) {
        return Panache.withTransaction(() -> find(id).chain(user -> (Role.of(user.role) == Role.ADMIN
                ? keepAnAdmin(user) : Uni.createFrom().voidItem()).chain(() -> users.delete(user))));
    }

    private Uni<UserAccount> find(UUID id) {
        return users.findById(id).onItem().ifNull().failWith(() -> CatalogException.notFound("user", id));
    }

    /** Refuses to take the admin role from {@code user} when no other admin user or admin token would be left. */
    private Uni<Void> keepAnAdmin(UserAccount user) {
        Instant now = clock.instant();
        return users.countAdmins().chain(admins -> tokens.countUsableAdmins(now).map(adminTokens -> {
            if (admins <= 1 && adminTokens == 0) {
                throw CatalogException.conflict("'" + user.username + "' is the last admin: make another user or an"
                        + " admin token first.");
            }
            return null;
        })).replaceWithVoid();
    }

    private static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw CatalogException.invalid("username", "username is required: 1 to 64 letters, digits, '.', '_',"
                    + " '@' or '-', starting with a letter or digit.");
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw CatalogException.invalid("password", "password must be " + MIN_PASSWORD + " characters or more"
                    + " and at most " + MAX_PASSWORD_BYTES + " bytes.");
        }
    }

    static UserView view(UserAccount u) {
        return new UserView(u.id, u.username, u.role, u.createdAt, u.updatedAt);
    }
}
