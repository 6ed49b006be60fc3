package io.snapkeep.catalog.auth.http;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.auth.Caller;

/** Turns a bearer token or a session cookie into an identity holding the caller's role and the roles it includes. */
@ApplicationScoped
public class CallerIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    private final CredentialLookup lookup;

    public CallerIdentityProvider(CredentialLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String secret = request.getToken().getToken();
        Uni<Caller> caller = SnapkeepAuthMechanism.SESSION.equals(request.getToken().getType())
                ? lookup.bySession(secret) : lookup.byToken(secret);
        return caller.map(CallerIdentityProvider::identity);
    }

    private static SecurityIdentity identity(Caller caller) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(caller.name()))
                .addRoles(caller.role().grants()).addAttribute(Caller.ATTRIBUTE, caller).build();
    }
}
