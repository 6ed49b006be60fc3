package io.snapkeep.catalog.audit;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.service.OutboxRelay;
import io.vertx.ext.web.RoutingContext;

/**
 * Around an {@link Audited} API operation: notes its non-secret parameters for the entry, and when it returns a Uni
 * and succeeds, writes the entry inside the same transaction as its change, so no change commits without its entry.
 * The relay is woken once that transaction committed, taking the job and the audit event out at once.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AuditInterceptor {
    private final AuditDrafts drafts;
    private final AuditTrail trail;
    private final CurrentVertxRequest requests;
    private final CurrentIdentityAssociation identities;
    private final OutboxRelay relay;

    public AuditInterceptor(AuditDrafts drafts, AuditTrail trail, CurrentVertxRequest requests,
            CurrentIdentityAssociation identities, OutboxRelay relay) {
        this.drafts = drafts;
        this.trail = trail;
        this.requests = requests;
        this.identities = identities;
        this.relay = relay;
    }

    @AroundInvoke
    Object around(InvocationContext call) throws Exception {
        RoutingContext request = requests.getCurrent();
        Audited audited = call.getMethod().getAnnotation(Audited.class);
        if (request == null || audited == null) {
            return call.proceed();
        }
        Map<String, Object> details = drafts.details(request.request().method().name(), request.normalizedPath(),
                query(request), bodies(call));
        AuditContext.details(request, details);
        if (!audited.sameTransaction() || !Uni.class.isAssignableFrom(call.getMethod().getReturnType())) {
            return call.proceed();
        }
        String pathId = pathId(call);
        String client = ClientAddress.of(request.request());
        return identities.getDeferredIdentity().chain(identity -> Panache.withTransaction(() -> proceed(call)
                .call(answer -> trail.record(drafts.draft(audited, details, pathId, entity(answer),
                        status(answer), identity, client)))))
                .invoke(() -> {
                    AuditContext.recorded(request);
                    relay.publishSoon();
                });
    }

    @SuppressWarnings("unchecked")
    private static Uni<Object> proceed(InvocationContext call) {
        try {
            return (Uni<Object>) call.proceed();
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }

    private static Object entity(Object answer) {
        return answer instanceof Response response ? response.getEntity() : answer;
    }

    private static int status(Object answer) {
        return answer instanceof Response response ? response.getStatus() : answer == null ? 204 : 200;
    }

    private static Map<String, List<String>> query(RoutingContext request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.queryParams().names().forEach(name -> query.put(name, request.queryParams().getAll(name)));
        return query;
    }

    private static List<Object> bodies(InvocationContext call) {
        List<Object> bodies = new ArrayList<>();
        for (Object value : call.getParameters()) {
            if (value != null && value.getClass().isRecord()) {
                bodies.add(value);
            }
        }
        return bodies;
    }

    private static String pathId(InvocationContext call) {
        Parameter[] parameters = call.getMethod().getParameters();
        for (int i = 0; i < parameters.length; i++) {
            PathParam path = parameters[i].getAnnotation(PathParam.class);
            if (path != null && "id".equals(path.value()) && call.getParameters()[i] != null) {
                return call.getParameters()[i].toString();
            }
        }
        return null;
    }
}
