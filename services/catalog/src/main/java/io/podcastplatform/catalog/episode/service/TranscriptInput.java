package io.podcastplatform.catalog.episode.service;

import java.util.List;

/** A transcript as uploaded: plain text, timed segments, or both. */
public record TranscriptInput(String language, String source, String text, List<Segment> segments) {

    /** A timed piece of the transcript. */
    public record Segment(double startSeconds, double endSeconds, String text, String speaker) {
    }
}
