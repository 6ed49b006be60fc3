package io.snapkeep.catalog.auth;

import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who makes a request: an API token or a user's console session. {@code name} is what the audit trail shows
 * ({@code token:<name>} or the user name); {@code csrfHash} is set for a session only.
 */
public record Caller(Kind kind, UUID id, String name, Role role, UUID userId, String csrfHash) {
    /** The attribute of the {@code SecurityIdentity} that holds the caller. */
    public static final String ATTRIBUTE = "snapkeep.caller";

    public enum Kind {
        TOKEN, SESSION
    }

    /** The caller of an authenticated identity, or null for an anonymous one. */
    public static Caller of(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(ATTRIBUTE);
    }

    public static Caller token(UUID id, String tokenName, Role role) {
        return new Caller(Kind.TOKEN, id, "token:" + tokenName, role, null, null);
    }

    public static Caller session(UUID sessionId, UUID userId, String username, Role role, String csrfHash) {
        return new Caller(Kind.SESSION, sessionId, username, role, userId, csrfHash);
    }
}
