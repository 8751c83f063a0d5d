package io.podcastplatform.ingest.limits.rest;

import io.podcastplatform.web.problem.ProblemException;

/**
 * The {@code limit} query parameter of the listing endpoints, read here rather than by JAX-RS: a query
 * parameter JAX-RS cannot convert ({@code limit=ten}) is answered 404 by the spec, and it is a bad request.
 */
public final class PageSizes {

    public static final int MAX = 200;
    /** For {@code @Parameter(schema = ...)}: the OpenAPI document still says "integer from 1 to 200, default 50". */
    public static final String DEFAULT = "50";

    private PageSizes() {
    }

    public static int parse(String limit) {
        if (limit != null && limit.length() <= 3 && !limit.isEmpty() && limit.chars().allMatch(Character::isDigit)) {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= MAX) {
                return size;
            }
        }
        throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + MAX);
    }
}
