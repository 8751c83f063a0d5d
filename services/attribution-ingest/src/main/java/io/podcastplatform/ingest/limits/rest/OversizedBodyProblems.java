package io.podcastplatform.ingest.limits.rest;

import io.podcastplatform.events.EventJson;
import io.podcastplatform.web.problem.Problem;
import io.podcastplatform.web.problem.ProblemResponses;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every 413 is the same RFC 9457 problem naming the per-request limit. A declared {@code Content-Length}
 * over the limit is refused here, before the HTTP layer's own check (which would answer a bare 413) and
 * before any byte of the body is read; a chunked body that grows past {@code quarkus.http.limits.max-body-size}
 * fails in the body handler, and the failure handler answers the same problem.
 */
@ApplicationScoped
@RegisterForReflection
public class OversizedBodyProblems {

    private static final int PAYLOAD_TOO_LARGE = 413;

    private final int maxRequestBytes;

    public OversizedBodyProblems(@ConfigProperty(name = "ingest.limits.max-request-bytes") int maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseDeclaredOversize).failureHandler(this::answerOversize);
    }

    private void refuseDeclaredOversize(RoutingContext context) {
        String declared = context.request().getHeader("Content-Length");
        if (declared != null && declared.length() < 19 && declared.chars().allMatch(Character::isDigit)
                && Long.parseLong(declared) > maxRequestBytes) {
            problem(context);
            return;
        }
        context.next();
    }

    private void answerOversize(RoutingContext context) {
        if (context.statusCode() != PAYLOAD_TOO_LARGE || context.response().headWritten() || context.response().ended()) {
            context.next();
            return;
        }
        problem(context);
    }

    private void problem(RoutingContext context) {
        // the problem's shape is decided in one place (libs/web); only its bytes are written here
        Problem problem = (Problem) ProblemResponses.of(PAYLOAD_TOO_LARGE, "Payload Too Large",
                "the request body is larger than the limit of " + maxRequestBytes + " bytes per request (after gzip decompression); "
                        + "send fewer events per request",
                List.of(new Problem.FieldError("body", "larger than " + maxRequestBytes + " bytes")), context).getEntity();
        context.response().setStatusCode(PAYLOAD_TOO_LARGE).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                .end(Buffer.buffer(EventJson.write(problem)));
    }
}
