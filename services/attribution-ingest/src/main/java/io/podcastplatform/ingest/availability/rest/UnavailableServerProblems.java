package io.podcastplatform.ingest.availability.rest;

import io.podcastplatform.web.problem.ProblemMappers;
import io.podcastplatform.web.problem.ProblemResponses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * PostgreSQL out of reach (down, restarting, in crash recovery) while a request needs it — the key directory
 * behind every write key, a dead-letter listing — is a 503 the client retries, not a 500: nothing was
 * accepted and nothing is wrong with the request. Found by fault/run.sh (a PostgreSQL restart under load).
 */
public class UnavailableServerProblems {

    private static final Logger LOG = Logger.getLogger(UnavailableServerProblems.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ProblemMappers otherFailures = new ProblemMappers();

    @ServerExceptionMapper
    public Response unreachable(ConnectException e, RoutingContext request) {
        return unavailable(e, request);
    }

    /** A crash resets the connections of the queries in flight (fault/run.sh scenario b). */
    @ServerExceptionMapper
    public Response connectionReset(SocketException e, RoutingContext request) {
        return unavailable(e, request);
    }

    @ServerExceptionMapper
    public Response connectionLost(ClosedConnectionException e, RoutingContext request) {
        return unavailable(e, request);
    }

    @ServerExceptionMapper
    public Response database(PgException e, RoutingContext request) {
        String state = e.getSqlState() == null ? "" : e.getSqlState();
        // 08: connection exceptions; 57P: shut down, restarting, starting up or in recovery; 53: out of resources
        if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
            return unavailable(e, request);
        }
        return otherFailures.unexpected(e, request);
    }

    private static Response unavailable(Exception e, RoutingContext request) {
        LOG.warnf("answered 503: a server the request needs is unavailable (%s)", e.getMessage());
        Response problem = ProblemResponses.of(503, "Service Unavailable",
                "a server this request needs is unavailable for a moment; nothing was accepted, send the request again", List.of(), request);
        return Response.fromResponse(problem).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
