package io.podcastplatform.catalog.episode.service;

import java.util.List;

/** Measures of a transcript: words of its text (or of its segments when it has no text) and its length. */
public final class Transcripts {

    private Transcripts() {
    }

    public static int wordCount(TranscriptInput input) {
        String text = input.text() != null && !input.text().isBlank() ? input.text()
                : input.segments() == null ? "" : String.join(" ", input.segments().stream().map(TranscriptInput.Segment::text).toList());
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("[\\s\\p{Z}]+").length;
    }

    public static Integer durationSeconds(List<TranscriptInput.Segment> segments) {
        if (segments == null || segments.isEmpty()) {
            return null;
        }
        return (int) Math.ceil(segments.stream().mapToDouble(TranscriptInput.Segment::endSeconds).max().orElse(0));
    }
}
