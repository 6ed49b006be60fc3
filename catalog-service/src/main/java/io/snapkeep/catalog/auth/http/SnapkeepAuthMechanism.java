package io.snapkeep.catalog.auth.http;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.rest.ProblemMappers;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the caller's credential: {@code Authorization: Bearer <token>} for API tokens, else the console's session
 * cookie. Neither makes an anonymous request, which every {@code /api/v1} call but the login refuses with 401.
 */
@ApplicationScoped
public class SnapkeepAuthMechanism implements HttpAuthenticationMechanism {
    public static final String SESSION_COOKIE = "snapkeep_session";
    static final String BEARER = "bearer";
    static final String SESSION = "session";
    private static final String BEARER_PREFIX = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            return identities.authenticate(request(context,
                    new TokenCredential(authorization.substring(BEARER_PREFIX.length()).strip(), BEARER)));
        }
        Cookie session = context.request().getCookie(SESSION_COOKIE);
        if (session != null && !session.getValue().isBlank()) {
            return identities.authenticate(request(context, new TokenCredential(session.getValue(), SESSION)));
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate",
                ProblemMappers.UNAUTHORIZED_CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    private static TokenAuthenticationRequest request(RoutingContext context, TokenCredential credential) {
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(credential);
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return request;
    }
}
