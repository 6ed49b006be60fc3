package io.snapkeep.catalog.rest;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.vertx.VertxInputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.snapkeep.catalog.rest.dto.Problem;
import io.snapkeep.catalog.service.CatalogException;
import io.snapkeep.catalog.service.UploadService;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Lifts Quarkus's request body limit ({@code quarkus.http.limits.max-body-size}, 10 MB, which still guards every JSON
 * endpoint) for the upload endpoint only, and applies {@code snapkeep.upload.max-size} there instead.
 * <p>
 * Quarkus enforces its limit in a route of order {@value RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}: a declared
 * Content-Length above it is answered 413 at once, and a streamed body is cut off past it. For upload requests a
 * route just before it refuses a Content-Length above the upload maximum (413 problem JSON, before the body is read) and
 * hides the header from it; a route just after puts the header back and drops the limit it set. Every other path is
 * untouched.
 */
@ApplicationScoped
public class UploadBodyLimit {
    static final String PATH = "/api/v1/snapshots/upload";
    private static final String HIDDEN_LENGTH = "snapkeep.upload.content-length";

    private final UploadService uploads;
    private final ObjectMapper json;
    private final String rootPath;

    UploadBodyLimit(UploadService uploads, ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String rootPath) {
        this.uploads = uploads;
        this.json = json;
        this.rootPath = rootPath.endsWith("/") ? rootPath.substring(0, rootPath.length() - 1) : rootPath;
    }

    void install(@Observes Router router) {
        String path = rootPath + PATH;
        router.route(path).method(HttpMethod.POST).method(HttpMethod.PUT)
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::beforeLimit);
        router.route(path).method(HttpMethod.POST).method(HttpMethod.PUT)
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::afterLimit);
    }

    private void beforeLimit(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null) {
            long max = uploads.maxSize();
            if (declared(length) > max) {
                tooLarge(ctx, UploadService.tooLarge(max));
                return;
            }
            ctx.put(HIDDEN_LENGTH, length);
            ctx.request().headers().remove(HttpHeaderNames.CONTENT_LENGTH);
        }
        ctx.next();
    }

    private void afterLimit(RoutingContext ctx) {
        String length = ctx.get(HIDDEN_LENGTH);
        if (length != null) {
            ctx.request().headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
        }
        ctx.remove(VertxInputStream.MAX_REQUEST_SIZE_KEY);
        ctx.next();
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void tooLarge(RoutingContext ctx, CatalogException e) {
        String body;
        try {
            body = json.writeValueAsString(new Problem("about:blank", e.title(), e.status(), e.getMessage(), null));
        } catch (JsonProcessingException impossible) {
            body = "";
        }
        ctx.response().setStatusCode(e.status())
                .putHeader(HttpHeaderNames.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON)
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .end(body);
    }
}
