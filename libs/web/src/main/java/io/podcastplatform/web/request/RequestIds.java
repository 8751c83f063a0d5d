package io.podcastplatform.web.request;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a request to its log lines: the caller's {@code X-Request-Id} when it is a safe token
 * (an ingress or client may set it), otherwise a new UUID.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final String CONTEXT_KEY = "platform.request-id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    static String accept(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The id of the request, assigned on first use. */
    public static String current(RoutingContext context) {
        if (context == null) {
            return null;
        }
        String id = context.get(CONTEXT_KEY);
        if (id == null) {
            id = accept(context.request().getHeader(HEADER));
            context.put(CONTEXT_KEY, id);
        }
        return id;
    }
}
