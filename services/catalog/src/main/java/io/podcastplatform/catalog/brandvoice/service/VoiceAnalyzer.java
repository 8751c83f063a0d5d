package io.podcastplatform.catalog.brandvoice.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A brand's voice measured locally and deterministically (no model, no network): vocabulary, sentence
 * patterns, readability, style and the distribution of tone words. The same text always gives the same
 * profile, and the same profile and text always give the same score.
 */
public final class VoiceAnalyzer {

    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)|\\n\\s*\\n");
    private static final Pattern VOWEL_GROUP = Pattern.compile("[aeiouy]+");
    private static final int TOP_TERMS = 200;

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at",
            "for", "with", "by", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that",
            "these", "those", "i", "you", "he", "she", "we", "they", "me", "him", "her", "us", "them", "my", "your", "his",
            "our", "their", "not", "no", "so", "do", "does", "did", "have", "has", "had", "will", "would", "can", "could",
            "just", "about", "into", "than", "then", "there", "here", "what", "which", "who", "how", "all", "more", "up", "out");

    /** Tone lexicons: a word counts for its tone wherever it appears. */
    static final Map<String, Set<String>> TONES = new TreeMap<>(Map.of(
            "enthusiastic", Set.of("amazing", "awesome", "excited", "exciting", "love", "incredible", "fantastic", "great",
                    "thrilled", "wow", "brilliant", "best", "delighted"),
            "professional", Set.of("ensure", "deliver", "solution", "solutions", "strategy", "performance", "efficient",
                    "optimize", "process", "results", "quality", "reliable", "value"),
            "friendly", Set.of("hey", "hi", "thanks", "thank", "together", "welcome", "glad", "happy", "folks", "friends",
                    "buddy", "cheers"),
            "authoritative", Set.of("must", "proven", "research", "data", "evidence", "expert", "experts", "study",
                    "studies", "clearly", "fact", "facts", "always"),
            "playful", Set.of("fun", "silly", "lol", "haha", "wild", "quirky", "giggle", "goofy", "cheeky", "party"),
            "empathetic", Set.of("understand", "feel", "feelings", "support", "care", "caring", "listen", "hear",
                    "sorry", "together", "struggle", "hope")));

    private VoiceAnalyzer() {
    }

    public static TextProfile profile(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(lower);
        while (matcher.find()) {
            words.add(matcher.group().replace('’', '\''));
        }
        List<Integer> sentenceLengths = sentenceLengths(lower);
        int sentences = Math.max(1, sentenceLengths.size());
        int wordCount = words.size();
        double per100 = wordCount == 0 ? 0 : 100.0 / wordCount;

        Map<String, Integer> counts = new HashMap<>();
        int letters = 0;
        int longWords = 0;
        int syllables = 0;
        int contractions = 0;
        int you = 0;
        int we = 0;
        Map<String, Integer> toneCounts = new TreeMap<>();
        TONES.keySet().forEach(tone -> toneCounts.put(tone, 0));
        for (String word : words) {
            letters += word.length();
            longWords += word.length() >= 7 ? 1 : 0;
            syllables += syllables(word);
            contractions += word.contains("'") ? 1 : 0;
            you += Set.of("you", "your", "yours", "you're", "you'll", "you've").contains(word) ? 1 : 0;
            we += Set.of("we", "our", "ours", "us", "we're", "we'll", "we've").contains(word) ? 1 : 0;
            if (!STOP_WORDS.contains(word) && word.length() > 1) {
                counts.merge(word, 1, Integer::sum);
            }
            TONES.forEach((tone, lexicon) -> {
                if (lexicon.contains(word)) {
                    toneCounts.merge(tone, 1, Integer::sum);
                }
            });
        }
        int contentWords = counts.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Double> terms = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_TERMS)
                .forEach(entry -> terms.put(entry.getKey(), round((double) entry.getValue() / contentWords)));
        int toneTotal = toneCounts.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Double> tones = new TreeMap<>();
        toneCounts.forEach((tone, count) -> tones.put(tone, toneTotal == 0 ? 0 : round((double) count / toneTotal)));

        double averageSentence = wordCount == 0 ? 0 : (double) wordCount / sentences;
        double variance = sentenceLengths.stream().mapToDouble(length -> Math.pow(length - averageSentence, 2)).average().orElse(0);
        long questions = SENTENCE_END.matcher(lower).results().filter(end -> end.group().contains("?")).count();
        long exclamations = SENTENCE_END.matcher(lower).results().filter(end -> end.group().contains("!")).count();
        double flesch = wordCount == 0 ? 0 : 206.835 - 1.015 * averageSentence - 84.6 * ((double) syllables / wordCount);
        return new TextProfile(wordCount, sentences, wordCount == 0 ? 0 : round((double) counts.size() / Math.max(1, contentWords)),
                wordCount == 0 ? 0 : round((double) letters / wordCount), wordCount == 0 ? 0 : round((double) longWords / wordCount),
                terms, round(averageSentence), round(Math.sqrt(variance)), round((double) questions / sentences),
                round((double) exclamations / sentences), round(flesch), round(contractions * per100), round(you * per100),
                round(we * per100), tones);
    }

    /** Words per sentence; a text without end punctuation is one sentence. */
    private static List<Integer> sentenceLengths(String text) {
        List<Integer> lengths = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            Matcher words = WORD.matcher(sentence);
            int count = 0;
            while (words.find()) {
                count++;
            }
            if (count > 0) {
                lengths.add(count);
            }
        }
        return lengths;
    }

    /** Vowel groups, a silent final e not counted; at least one per word. */
    static int syllables(String word) {
        String letters = word.replace("'", "");
        int groups = (int) VOWEL_GROUP.matcher(letters).results().count();
        if (letters.endsWith("e") && !letters.endsWith("le") && groups > 1) {
            groups--;
        }
        return Math.max(1, groups);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
