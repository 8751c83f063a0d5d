package io.podcastplatform.catalog.brandvoice.service;

import java.util.Map;

/**
 * Measures of a text: the same shape describes a brand's voice (its samples together) and a new text
 * scored against it.
 *
 * @param terms              relative frequency of content words (stop words left out), most frequent first
 * @param tones              share of each tone among the tone words found (all zero when none)
 * @param fleschReadingEase  206.835 − 1.015 × words per sentence − 84.6 × syllables per word
 */
public record TextProfile(
        int words, int sentences, double typeTokenRatio, double averageWordLength, double longWordShare,
        Map<String, Double> terms, double averageSentenceLength, double sentenceLengthDeviation, double questionShare,
        double exclamationShare, double fleschReadingEase, double contractionsPer100Words, double youPer100Words,
        double wePer100Words, Map<String, Double> tones) {
}
