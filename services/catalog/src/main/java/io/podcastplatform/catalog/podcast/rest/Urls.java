package io.podcastplatform.catalog.podcast.rest;

import io.podcastplatform.catalog.feed.service.FeedFetcher;
import io.podcastplatform.web.problem.ProblemException;

/** Checks of URLs a request carries, answered as a 400 naming the field. */
final class Urls {

    private Urls() {
    }

    static String httpOrNull(String field, String url) {
        if (url == null) {
            return null;
        }
        try {
            FeedFetcher.parse(url);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, e.getMessage());
        }
        return url.strip();
    }
}
