package io.podcastplatform.catalog.feed.service;

/**
 * The answer to a feed request.
 *
 * @param notModified true when the server answered 304 to the conditional request (body is empty)
 * @param etag        validators to send next time (null when the server gave none)
 */
public record FetchedFeed(boolean notModified, byte[] body, String etag, String lastModified, String finalUrl) {
}
