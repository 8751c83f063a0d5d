package io.podcastplatform.catalog.brandvoice.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores a text against a brand's voice profile: tone (distance between tone distributions), vocabulary
 * (how much of the text speaks the brand's words, with its preferred and avoided words) and style
 * (sentence length, readability, questions, exclamations, contractions, word length). Deterministic.
 */
public final class VoiceScorer {

    private static final double TONE_WEIGHT = 0.35;
    private static final double VOCABULARY_WEIGHT = 0.35;
    private static final double STYLE_WEIGHT = 0.30;
    /** A measure below this similarity is reported as a deviation. */
    private static final double OFF = 0.7;

    private VoiceScorer() {
    }

    public static VoiceScore score(TextProfile brand, String text, List<String> preferredWords, List<String> avoidWords) {
        TextProfile candidate = VoiceAnalyzer.profile(text);
        List<VoiceScore.Deviation> deviations = new ArrayList<>();
        List<VoiceScore.Feedback> feedback = new ArrayList<>();

        double tone = toneMatch(brand.tones(), candidate.tones());
        String brandTone = dominant(brand.tones());
        String textTone = dominant(candidate.tones());
        feedback.add(new VoiceScore.Feedback("tone", tone, tone >= OFF
                ? "The tone matches" + (brandTone == null ? "." : " (mostly " + brandTone + ").")
                : "The brand sounds mostly " + (brandTone == null ? "neutral" : brandTone) + "; this text sounds "
                        + (textTone == null ? "neutral" : "mostly " + textTone) + "."));
        if (tone < OFF) {
            brand.tones().forEach((name, share) -> {
                double actual = candidate.tones().getOrDefault(name, 0.0);
                if (Math.abs(share - actual) >= 0.2) {
                    deviations.add(new VoiceScore.Deviation("tone", name, share, actual));
                }
            });
        }

        Set<String> words = new TreeSet<>(candidate.terms().keySet());
        double covered = candidate.terms().entrySet().stream().filter(term -> brand.terms().containsKey(term.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
        double richness = similarity(brand.typeTokenRatio(), candidate.typeTokenRatio(), Math.max(0.2, brand.typeTokenRatio()));
        double vocabulary = 0.7 * Math.min(1, covered / 0.5) + 0.3 * richness;
        List<String> avoided = lowered(avoidWords).stream().filter(words::contains).toList();
        List<String> preferred = lowered(preferredWords).stream().filter(words::contains).toList();
        vocabulary = clamp(vocabulary - 0.15 * avoided.size() + 0.05 * Math.min(3, preferred.size()));
        StringBuilder vocabularyMessage = new StringBuilder(vocabulary >= OFF ? "The wording is the brand's." :
                "Few of the brand's usual words appear; lean on terms such as " + String.join(", ",
                        brand.terms().keySet().stream().limit(5).toList()) + ".");
        if (!avoided.isEmpty()) {
            vocabularyMessage.append(" Avoid: ").append(String.join(", ", avoided)).append('.');
            avoided.forEach(word -> deviations.add(new VoiceScore.Deviation("vocabulary", "avoided word: " + word, 0, 1)));
        }
        if (!preferred.isEmpty()) {
            vocabularyMessage.append(" Good use of: ").append(String.join(", ", preferred)).append('.');
        }
        feedback.add(new VoiceScore.Feedback("vocabulary", VoiceAnalyzer.round(vocabulary), vocabularyMessage.toString()));

        double[] style = {
                measure(deviations, "averageSentenceLength", brand.averageSentenceLength(), candidate.averageSentenceLength(),
                        Math.max(4, brand.averageSentenceLength() * 0.5)),
                measure(deviations, "fleschReadingEase", brand.fleschReadingEase(), candidate.fleschReadingEase(), 40),
                measure(deviations, "questionShare", brand.questionShare(), candidate.questionShare(), 0.5),
                measure(deviations, "exclamationShare", brand.exclamationShare(), candidate.exclamationShare(), 0.5),
                measure(deviations, "contractionsPer100Words", brand.contractionsPer100Words(), candidate.contractionsPer100Words(),
                        Math.max(3, brand.contractionsPer100Words())),
                measure(deviations, "averageWordLength", brand.averageWordLength(), candidate.averageWordLength(), 2.5)};
        double styleMatch = java.util.Arrays.stream(style).average().orElse(1);
        feedback.add(new VoiceScore.Feedback("style", VoiceAnalyzer.round(styleMatch), styleMessage(brand, candidate, styleMatch)));

        double overall = TONE_WEIGHT * tone + VOCABULARY_WEIGHT * vocabulary + STYLE_WEIGHT * styleMatch;
        return new VoiceScore(VoiceAnalyzer.round(overall), VoiceAnalyzer.round(tone), VoiceAnalyzer.round(vocabulary),
                VoiceAnalyzer.round(styleMatch), feedback, deviations);
    }

    private static String styleMessage(TextProfile brand, TextProfile text, double score) {
        if (score >= OFF) {
            return "Sentence rhythm and readability match.";
        }
        StringBuilder message = new StringBuilder();
        if (text.averageSentenceLength() > brand.averageSentenceLength() * 1.5) {
            message.append(String.format(Locale.ROOT, "Sentences average %.0f words; the brand's %.0f: shorten them. ",
                    text.averageSentenceLength(), brand.averageSentenceLength()));
        } else if (text.averageSentenceLength() < brand.averageSentenceLength() * 0.5) {
            message.append(String.format(Locale.ROOT, "Sentences average %.0f words; the brand's %.0f: join some. ",
                    text.averageSentenceLength(), brand.averageSentenceLength()));
        }
        if (text.fleschReadingEase() < brand.fleschReadingEase() - 20) {
            message.append("Harder to read than the brand's writing: prefer shorter, plainer words. ");
        }
        if (text.exclamationShare() > brand.exclamationShare() + 0.25) {
            message.append("More exclamations than the brand uses. ");
        }
        return message.isEmpty() ? "The style differs from the brand's in several small ways." : message.toString().strip();
    }

    private static double measure(List<VoiceScore.Deviation> deviations, String metric, double expected, double actual,
                                  double tolerance) {
        double similarity = similarity(expected, actual, tolerance);
        if (similarity < OFF) {
            deviations.add(new VoiceScore.Deviation("style", metric, expected, actual));
        }
        return similarity;
    }

    private static double similarity(double expected, double actual, double tolerance) {
        return clamp(1 - Math.abs(expected - actual) / tolerance);
    }

    /** 1 − half the L1 distance of the two distributions; two texts without tone words match. */
    private static double toneMatch(Map<String, Double> brand, Map<String, Double> text) {
        double brandTotal = brand.values().stream().mapToDouble(Double::doubleValue).sum();
        double textTotal = text.values().stream().mapToDouble(Double::doubleValue).sum();
        if (brandTotal == 0 && textTotal == 0) {
            return 1;
        }
        if (brandTotal == 0 || textTotal == 0) {
            return 0.5;
        }
        double distance = 0;
        for (String tone : VoiceAnalyzer.TONES.keySet()) {
            distance += Math.abs(brand.getOrDefault(tone, 0.0) - text.getOrDefault(tone, 0.0));
        }
        return VoiceAnalyzer.round(clamp(1 - distance / 2));
    }

    private static String dominant(Map<String, Double> tones) {
        return tones.entrySet().stream().filter(tone -> tone.getValue() > 0)
                // the tones come in name order and max keeps the first of equals, so ties resolve the same way every time
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(null);
    }

    private static List<String> lowered(List<String> words) {
        return words == null ? List.of() : words.stream().map(word -> word.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
