package io.snapkeep.catalog.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.service.FreshContext;
import io.snapkeep.catalog.service.OutboxRelay;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * After the answer: writes the audit entry of every state-changing {@code /api/v1} call, and of every
 * {@link Audited} one (an export), that the {@link AuditInterceptor} did not already write with its change — a
 * refused or failed call, an upload, a login — in a transaction of its own, with the status code it ended with.
 * Anonymous calls refused with 401 are not entries (they are no one's doing), but failed logins are.
 */
public class AuditResponseFilter {
    private static final Logger LOG = Logger.getLogger(AuditResponseFilter.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final String API = "/api/v1/";

    private final AuditDrafts drafts;
    private final AuditTrail trail;
    private final CurrentIdentityAssociation identities;
    private final CurrentVertxRequest requests;
    private final OutboxRelay relay;
    private final Vertx vertx;

    public AuditResponseFilter(AuditDrafts drafts, AuditTrail trail, CurrentIdentityAssociation identities,
            CurrentVertxRequest requests, OutboxRelay relay, Vertx vertx) {
        this.drafts = drafts;
        this.trail = trail;
        this.identities = identities;
        this.requests = requests;
        this.relay = relay;
        this.vertx = vertx;
    }

    @ServerResponseFilter
    public Uni<Void> after(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        RoutingContext routing = requests.getCurrent();
        Audited audited = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Audited.class);
        String path = request.getUriInfo().getPath();
        boolean changes = !SAFE.contains(request.getMethod()) && path.startsWith(API);
        if (routing == null || audited == null && !changes || AuditContext.isRecorded(routing)) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> noted = AuditContext.details(routing);
        Map<String, Object> details = noted != null ? noted : drafts.details(request.getMethod(), path,
                request.getUriInfo().getQueryParameters(), List.of());
        String pathId = request.getUriInfo().getPathParameters().getFirst("id");
        int status = response.getStatus();
        String client = ClientAddress.of(routing.request());
        return identities.getDeferredIdentity().onFailure().recoverWithNull().chain(identity -> {
            AuditDraft draft = drafts.draft(audited, details, pathId, response.getEntity(), status, identity, client);
            if (isAnonymousRefusal(identity, draft)) {
                return Uni.createFrom().voidItem();
            }
            return onEventLoop(() -> Panache.withTransaction(() -> trail.record(draft)))
                    .invoke(relay::publishSoon)
                    .onFailure().invoke(e -> LOG.errorf("audit entry of %s (%d) by %s not written: %s",
                            draft.action(), status, draft.actor(), e.toString()))
                    .onFailure().recoverWithNull().replaceWithVoid();
        });
    }

    private static boolean isAnonymousRefusal(SecurityIdentity identity, AuditDraft draft) {
        return (identity == null || identity.isAnonymous()) && draft.outcome() == 401
                && "anonymous".equals(draft.actorKind());
    }

    /** Hibernate Reactive runs on an event loop; an upload's answer leaves from a worker thread. */
    private <T> Uni<T> onEventLoop(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> FreshContext.run(vertx,
                () -> work.get().subscribe().with(emitter::complete, emitter::fail)));
    }
}
