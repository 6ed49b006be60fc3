package io.snapkeep.catalog.auth.http;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.snapkeep.catalog.auth.Caller;
import io.snapkeep.catalog.auth.Role;
import io.snapkeep.catalog.rest.ProblemMappers;

/** 401 and 403 as problem JSON: a 401 says how to authenticate, a 403 names the role the call needs. */
public class AuthProblemMappers {
    private static final String NO_PRINCIPAL = "This call needs a principal: send 'Authorization: Bearer <token>' with"
            + " an API token, or sign in to the console.";

    private final SecurityIdentity identity;

    public AuthProblemMappers(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return challenge(NO_PRINCIPAL);
    }

    @ServerExceptionMapper
    public Response failed(AuthenticationFailedException e) {
        return challenge(e.getMessage() == null || e.getMessage().isBlank() ? NO_PRINCIPAL : e.getMessage());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ResourceInfo resource) {
        Role needed = needed(resource);
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        String who = caller == null ? "the caller" : caller.name() + " has the " + caller.role().id() + " role";
        return ProblemMappers.problem(403, "Forbidden", needed == null ? "This call is not allowed: " + who + "."
                : "This call needs the " + needed.id() + " role; " + who + ".", null);
    }

    private static Role needed(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return allowed == null ? null : Arrays.stream(allowed.value()).map(Role::of)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private static Response challenge(String detail) {
        Response response = ProblemMappers.problem(401, "Unauthorized", detail, null);
        response.getHeaders().putSingle("WWW-Authenticate", ProblemMappers.UNAUTHORIZED_CHALLENGE);
        return response;
    }
}
