package io.snapkeep.catalog.auth.http;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.auth.Caller;
import io.snapkeep.catalog.auth.Secrets;
import io.snapkeep.catalog.rest.ProblemMappers;

/**
 * A state-changing call made with the console's session cookie must carry the session's CSRF token in
 * {@value #HEADER}: a page of another site can make the browser send the cookie, never the header. Bearer tokens are
 * not sent by browsers on their own, so their calls need no CSRF token.
 */
public class CsrfCheck {
    public static final String HEADER = "X-CSRF-Token";
    /** A login opens a new session whatever cookie the browser still holds. */
    private static final String LOGIN_PATH = "/api/v1/login";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CurrentIdentityAssociation identities;

    public CsrfCheck(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || request.getUriInfo().getPath().endsWith(LOGIN_PATH)
                || !request.getCookies().containsKey(SnapkeepAuthMechanism.SESSION_COOKIE)) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> refusal(identity, request.getHeaderString(HEADER)))
                .onFailure().recoverWithNull();
    }

    private static Response refusal(SecurityIdentity identity, String token) {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        if (caller == null || caller.kind() != Caller.Kind.SESSION
                || token != null && Secrets.sameHash(caller.csrfHash(), Secrets.hash(token))) {
            return null;
        }
        return ProblemMappers.problem(403, "Forbidden", "A call made with the console's session must carry its CSRF"
                + " token in the " + HEADER + " header (the login answer's csrfToken).", null);
    }
}
