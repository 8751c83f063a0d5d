package io.podcastplatform.events.ingest;

/** The UTM parameters of an event ({@code context.campaign} in Segment, {@code utm_*} on a pixel). */
public record Campaign(String source, String medium, String name, String term, String content) {
}
