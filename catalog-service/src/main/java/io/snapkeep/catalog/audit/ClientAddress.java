package io.snapkeep.catalog.audit;

import io.vertx.core.http.HttpServerRequest;

/** The client's address as the audit trail and the login throttle see it (after proxy forwarding, when enabled). */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null) {
            return "unknown";
        }
        String host = request.remoteAddress().hostAddress();
        return host == null ? request.remoteAddress().host() : host;
    }
}
