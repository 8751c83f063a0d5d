package io.podcastplatform.catalog.brandvoice.service;

import java.util.List;

/**
 * How well a text matches a brand's voice, each part from 0 to 1, with what to change.
 *
 * @param feedback   one line per aspect, in the order tone, vocabulary, style
 * @param deviations each measure that is off, with the brand's value and the text's
 */
public record VoiceScore(double overall, double toneMatch, double vocabularyMatch, double styleMatch, List<Feedback> feedback,
                         List<Deviation> deviations) {

    /** What to keep or change about one aspect. */
    public record Feedback(String aspect, double score, String message) {
    }

    /** One measure of the text away from the brand's. */
    public record Deviation(String aspect, String metric, double expected, double actual) {
    }
}
