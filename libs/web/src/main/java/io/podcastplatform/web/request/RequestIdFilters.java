package io.podcastplatform.web.request;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Gives every request an id, logs it with every line (MDC) and returns it in {@code X-Request-Id}. */
public class RequestIdFilters {

    @ServerRequestFilter(preMatching = true)
    public void assign(RoutingContext request) {
        MDC.put(RequestIds.MDC_KEY, RequestIds.current(request));
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response, RoutingContext request) {
        response.getHeaders().putSingle(RequestIds.HEADER, RequestIds.current(request));
        MDC.remove(RequestIds.MDC_KEY);
    }
}
