package io.podcastplatform.web.problem;

import io.podcastplatform.web.request.RequestIds;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses; the one place their shape is decided. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String title, String detail, List<Problem.FieldError> errors, RoutingContext request) {
        Problem problem = new Problem(ProblemTypes.forStatus(status, title), title, status, detail,
                request == null ? null : request.normalizedPath(), RequestIds.current(request), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
