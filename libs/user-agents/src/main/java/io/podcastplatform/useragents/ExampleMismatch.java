package io.podcastplatform.useragents;

/**
 * An {@code examples} string of an entry that the classifier attributes to another entry (an earlier
 * one in match order) or to none. See {@link UserAgentClassifier#checkExamples()}.
 *
 * @param file        file of the entry that lists the example
 * @param entryName   that entry
 * @param example     the example string
 * @param matchedFile file of the entry that won, or {@code null} if none matched
 * @param matchedName the entry that won, or {@code null} if none matched
 */
public record ExampleMismatch(PatternFile file, String entryName, String example, PatternFile matchedFile,
        String matchedName) {

    @Override
    public String toString() {
        return file.fileName() + " \"" + entryName + "\" example \"" + example + "\" -> "
                + (matchedName == null ? "no match" : matchedFile.fileName() + " \"" + matchedName + "\"");
    }
}
