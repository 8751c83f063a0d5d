package io.podcastplatform.catalog.feed.service;

/** A feed could not be imported; the message is what the podcast shows as its last import error. */
public class FeedFetchException extends RuntimeException {

    public FeedFetchException(String message) {
        super(message, null, false, false);
    }
}
