package io.podcastplatform.web.problem;

import java.util.Locale;

/** Problem type URIs: one per HTTP status the platform answers with, documented in each service's OpenAPI. */
final class ProblemTypes {

    static final String BASE = "https://podcastplatform.io/problems/";

    private ProblemTypes() {
    }

    static String forStatus(int status, String title) {
        return BASE + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
