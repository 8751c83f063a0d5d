package io.podcastplatform.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.podcastplatform.web.request.RequestIds;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of a request into an RFC 9457 problem: bad input becomes a 4xx that names what
 * is wrong; anything unexpected becomes a 500 that names only the request id, with the cause logged.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, RoutingContext request) {
        return ProblemResponses.of(e.status(), e.title(), e.getMessage(), e.errors(), request);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, RoutingContext request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        String detail = errors.stream().map(error -> error.field() + ": " + error.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input");
        return ProblemResponses.of(400, "Invalid request", detail, errors, request);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, RoutingContext request) {
        return jsonMapping(e, request);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, RoutingContext request) {
        return jsonMapping(e, request);
    }

    @ServerExceptionMapper
    public Response jsonMappingFailure(JsonMappingException e, RoutingContext request) {
        return jsonMapping(e, request);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, RoutingContext request) {
        String detail = e.getLocation() == null
                ? "the body could not be read as JSON"
                : "the body is not valid JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return ProblemResponses.of(400, "Malformed JSON", detail, List.of(), request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, RoutingContext request) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json instanceof JsonMappingException mapping ? jsonMapping(mapping, request) : malformedJson(json, request);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, request);
        }
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? defaultDetail(status.getStatusCode(), request) : e.getMessage();
        Response response = ProblemResponses.of(status.getStatusCode(), status.getReasonPhrase(), detail, List.of(), request);
        return withHeaders(response, e.getResponse());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, RoutingContext request) {
        LOG.errorf(e, "unexpected failure of %s %s (request %s)",
                request == null ? "?" : request.request().method(), request == null ? "?" : request.normalizedPath(), RequestIds.current(request));
        return ProblemResponses.of(500, "Internal error", "the request failed unexpectedly; quote the request id when reporting it", List.of(), request);
    }

    private static Response jsonMapping(JsonMappingException e, RoutingContext request) {
        String field = jsonPath(e);
        String message = "invalid value";
        if (e instanceof InvalidFormatException invalid) {
            message = "cannot read '" + invalid.getValue() + "' as " + simpleType(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "expected " + simpleType(mismatched.getTargetType());
        }
        return ProblemResponses.of(400, "Invalid request", field + ": " + message, List.of(new Problem.FieldError(field, message)), request);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object constant : constants) {
                names.add(constant.toString());
            }
            return "one of " + names;
        }
        return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /** Drops the Java method and parameter names Hibernate Validator puts before the JSON field path. */
    private static String fieldName(Path path) {
        StringBuilder name = new StringBuilder();
        Iterator<Path.Node> nodes = path.iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && nodes.hasNext()) {
                continue;
            }
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }

    private static String defaultDetail(int status, RoutingContext request) {
        String target = request == null ? "this resource" : request.request().method() + " " + request.normalizedPath();
        return switch (status) {
            case 404 -> "no resource at " + target;
            case 405 -> "the method is not allowed for " + (request == null ? "this resource" : request.normalizedPath());
            case 406 -> "none of the accepted media types can be produced";
            case 415 -> "the request's content type is not supported";
            default -> "the request was refused";
        };
    }

    private static Response withHeaders(Response problem, Response original) {
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }
}
