package io.snapkeep.catalog.audit;

import java.util.Map;

import io.vertx.ext.web.RoutingContext;

/** What the interceptor leaves on the request for the response filter: the call's details, and whether it recorded. */
final class AuditContext {
    private static final String DETAILS = "snapkeep.audit.details";
    private static final String RECORDED = "snapkeep.audit.recorded";

    private AuditContext() {
    }

    static void details(RoutingContext request, Map<String, Object> details) {
        request.put(DETAILS, details);
    }

    static Map<String, Object> details(RoutingContext request) {
        return request.get(DETAILS);
    }

    static void recorded(RoutingContext request) {
        request.put(RECORDED, Boolean.TRUE);
    }

    static boolean isRecorded(RoutingContext request) {
        return Boolean.TRUE.equals(request.get(RECORDED));
    }
}
