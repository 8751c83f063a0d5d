package io.podcastplatform.catalog.brandvoice.service;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** The voice of a profile as measured from all its samples. */
public record Fingerprint(UUID profileId, TextProfile profile, String summary, int sampleCount, double trainingQuality,
                          OffsetDateTime lastTrainedAt) {

    /** The seed's four sections, cut from the measured profile. */
    public Map<String, Object> vocabularyProfile() {
        return Map.of("typeTokenRatio", profile.typeTokenRatio(), "averageWordLength", profile.averageWordLength(),
                "longWordShare", profile.longWordShare(), "topTerms", profile.terms());
    }

    public Map<String, Object> sentencePatterns() {
        return Map.of("averageLength", profile.averageSentenceLength(), "lengthDeviation", profile.sentenceLengthDeviation(),
                "questionShare", profile.questionShare(), "exclamationShare", profile.exclamationShare());
    }

    public Map<String, Object> styleMetrics() {
        return Map.of("fleschReadingEase", profile.fleschReadingEase(), "contractionsPer100Words", profile.contractionsPer100Words(),
                "youPer100Words", profile.youPer100Words(), "wePer100Words", profile.wePer100Words());
    }

    /** A sentence a person can read: dominant tone, rhythm, readability, favourite words. */
    public static String summarize(TextProfile profile) {
        String tone = profile.tones().entrySet().stream().filter(entry -> entry.getValue() > 0)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("neutral");
        String ease = profile.fleschReadingEase() >= 70 ? "easy" : profile.fleschReadingEase() >= 50 ? "moderate" : "demanding";
        return String.format(java.util.Locale.ROOT, "Mostly %s; sentences of about %.0f words; %s to read (Flesch %.0f); "
                        + "favourite words: %s.", tone, profile.averageSentenceLength(), ease, profile.fleschReadingEase(),
                String.join(", ", profile.terms().keySet().stream().limit(5).toList()));
    }
}
