package io.snapkeep.catalog.auth.http;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.auth.Caller;
import io.snapkeep.catalog.auth.Role;
import io.snapkeep.catalog.auth.Secrets;
import io.snapkeep.catalog.config.CatalogConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Finds the caller behind a bearer token or a session cookie, by the secret's SHA-256, on every request: so a revoked
 * token or an ended session is refused on the next call. Uses the reactive SQL client directly, as authentication runs
 * before a request has a Hibernate session. Notes the last use at most every {@code snapkeep.auth.last-used-resolution}.
 */
@ApplicationScoped
public class CredentialLookup {
    private static final Logger LOG = Logger.getLogger(CredentialLookup.class);
    private static final String TOKEN = "select id, name, role, expires_at, revoked_at, last_used_at from api_token"
            + " where token_hash = $1";
    private static final String SESSION = "select s.id, s.user_id, s.csrf_hash, s.expires_at, s.last_used_at,"
            + " u.username, u.role from user_session s join app_user u on u.id = s.user_id where s.token_hash = $1";

    private final Pool pool;
    private final Clock clock;
    private final CatalogConfig config;

    public CredentialLookup(Pool pool, Clock clock, CatalogConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    /** @throws AuthenticationFailedException (as the Uni's failure) for an unknown, revoked or expired token */
    public Uni<Caller> byToken(String token) {
        return pool.preparedQuery(TOKEN).execute(Tuple.of(Secrets.hash(token))).map(rows -> {
            Row row = single(rows, "The API token is not known: check it, or create a new one.");
            Instant now = clock.instant();
            if (row.getOffsetDateTime("revoked_at") != null) {
                throw refused("The API token was revoked: create a new one.");
            }
            OffsetDateTime expires = row.getOffsetDateTime("expires_at");
            if (expires != null && !expires.toInstant().isAfter(now)) {
                throw refused("The API token expired at " + expires.toInstant() + ": create a new one.");
            }
            UUID id = row.getUUID("id");
            noteUse("api_token", id, row.getOffsetDateTime("last_used_at"), now);
            return Caller.token(id, row.getString("name"), Role.of(row.getString("role")));
        });
    }

    /** @throws AuthenticationFailedException (as the Uni's failure) for an unknown or expired session */
    public Uni<Caller> bySession(String sessionToken) {
        return pool.preparedQuery(SESSION).execute(Tuple.of(Secrets.hash(sessionToken))).map(rows -> {
            Row row = single(rows, "The session has ended: sign in again.");
            Instant now = clock.instant();
            if (!row.getOffsetDateTime("expires_at").toInstant().isAfter(now)) {
                throw refused("The session expired: sign in again.");
            }
            UUID id = row.getUUID("id");
            noteUse("user_session", id, row.getOffsetDateTime("last_used_at"), now);
            return Caller.session(id, row.getUUID("user_id"), row.getString("username"),
                    Role.of(row.getString("role")), row.getString("csrf_hash"));
        });
    }

    private void noteUse(String table, UUID id, OffsetDateTime lastUsed, Instant now) {
        if (lastUsed != null && lastUsed.toInstant().plus(config.auth().lastUsedResolution()).isAfter(now)) {
            return;
        }
        pool.preparedQuery("update " + table + " set last_used_at = $1 where id = $2")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), id))
                .subscribe().with(done -> {
                }, e -> LOG.debugf("last use of %s %s not noted: %s", table, id, e.getMessage()));
    }

    private static Row single(RowSet<Row> rows, String unknown) {
        if (rows.size() == 0) {
            throw refused(unknown);
        }
        return rows.iterator().next();
    }

    private static AuthenticationFailedException refused(String why) {
        return new AuthenticationFailedException(why);
    }
}
