package io.snapkeep.catalog.auth.rest;

import java.util.Date;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.audit.Audited;
import io.snapkeep.catalog.audit.ClientAddress;
import io.snapkeep.catalog.auth.Caller;
import io.snapkeep.catalog.auth.dto.LoginRequest;
import io.snapkeep.catalog.auth.dto.LoginView;
import io.snapkeep.catalog.auth.http.SnapkeepAuthMechanism;
import io.snapkeep.catalog.auth.service.SessionService;
import io.vertx.core.http.HttpServerRequest;

/**
 * The console's sign-in: a session cookie (HttpOnly, SameSite=Strict, Secure over https) and a CSRF token, in the
 * answer and in the script-readable cookie {@value #CSRF_COOKIE}, that state-changing calls send back in the
 * {@code X-CSRF-Token} header.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class LoginResource {
    public static final String CSRF_COOKIE = "snapkeep_csrf";

    private final SessionService sessions;
    private final CurrentIdentityAssociation identities;

    public LoginResource(SessionService sessions, CurrentIdentityAssociation identities) {
        this.sessions = sessions;
        this.identities = identities;
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited("login")
    public Uni<Response> login(LoginRequest request, HttpServerRequest http, @Context UriInfo uri) {
        boolean secure = "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
        return sessions.login(request, ClientAddress.of(http)).map(opened -> {
            LoginView view = opened.view();
            int maxAge = (int) Math.max(1, view.expiresAt().getEpochSecond() - System.currentTimeMillis() / 1000);
            return Response.ok(view)
                    .cookie(cookie(SnapkeepAuthMechanism.SESSION_COOKIE, opened.cookieSecret(), maxAge, true, secure),
                            cookie(CSRF_COOKIE, view.csrfToken(), maxAge, false, secure))
                    .build();
        });
    }

    @POST
    @Path("logout")
    @Audited("logout")
    public Uni<Response> logout(@Context UriInfo uri) {
        boolean secure = "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
        return identities.getDeferredIdentity().onFailure().recoverWithNull()
                .chain(identity -> sessions.logout(Caller.of(identity)))
                .replaceWith(() -> Response.noContent()
                        .cookie(cookie(SnapkeepAuthMechanism.SESSION_COOKIE, "", 0, true, secure),
                                cookie(CSRF_COOKIE, "", 0, false, secure))
                        .build());
    }

    private static NewCookie cookie(String name, String value, int maxAge, boolean httpOnly, boolean secure) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge)
                .expiry(maxAge == 0 ? new Date(0) : null).httpOnly(httpOnly).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
