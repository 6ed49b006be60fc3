package io.snapkeep.catalog.rest;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import io.smallrye.mutiny.CompositeException;
import io.snapkeep.catalog.rest.dto.Problem;
import io.snapkeep.catalog.service.CatalogException;

/** Every error leaves the API as RFC 7807 problem JSON with a sentence that says what to do. */
public class ProblemMappers {
    static final String PROBLEM_JSON = "application/problem+json";
    /** What a 401 answer asks for. */
    public static final String UNAUTHORIZED_CHALLENGE = "Bearer realm=\"snapkeep\"";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response catalog(CatalogException e) {
        List<Problem.FieldError> errors = e.field() == null ? null
                : List.of(new Problem.FieldError(e.field(), e.getMessage()));
        Response response = problem(e.status(), e.title(), e.getMessage(), errors);
        if (e.status() == 401) {
            response.getHeaders().putSingle("WWW-Authenticate", UNAUTHORIZED_CHALLENGE);
        }
        return response;
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field())).toList();
        String detail = String.join("; ", errors.stream().map(f -> f.field() + " " + f.message()).toList());
        return problem(400, "Bad Request", detail, errors);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? String.join(".", m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]").toList())
                : null;
        String detail = "The request body is not valid JSON for this endpoint"
                + (field == null ? "" : " at '" + field + "'") + ": " + e.getOriginalMessage();
        return problem(400, "Bad Request", detail,
                field == null ? null : List.of(new Problem.FieldError(field, e.getOriginalMessage())));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = status.getStatusCode() == 404 ? "No such resource: check the path and the id."
                : e.getMessage();
        return problem(status.getStatusCode(), status.getReasonPhrase(), detail, null);
    }

    @ServerExceptionMapper
    public Response composite(CompositeException e) {
        Throwable first = e.getCauses().get(0);
        if (first instanceof CatalogException c) {
            return catalog(c);
        }
        return unexpected(first);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "request failed, incident %s", incident);
        return problem(500, "Internal Server Error",
                "The catalog could not complete the request; the log holds incident " + incident + ".", null);
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        List<String> names = nodes.stream()
                .filter(n -> n.getKind() == ElementKind.PROPERTY || n.getKind() == ElementKind.CONTAINER_ELEMENT)
                .map(Path.Node::getName).toList();
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    /** A problem JSON answer; {@code errors} may be null. */
    public static Response problem(int status, String title, String detail, List<Problem.FieldError> errors) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem("about:blank", title, status, detail, errors)).build();
    }
}
