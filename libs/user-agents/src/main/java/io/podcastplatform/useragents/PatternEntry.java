package io.podcastplatform.useragents;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of a pattern file, as loaded.
 *
 * @param file        the file it comes from
 * @param index       its position in the file's {@code entries} (0-based); file order is match order
 * @param name        its name, unique within the file
 * @param pattern     the pattern as written in the file (a JavaScript regular expression)
 * @param javaPattern the compiled Java translation of {@code pattern} (see {@link JsRegex})
 * @param category    optional category ({@code bot} in libraries; device class in devices;
 *                    {@code app}/{@code host} in referrers); {@code null} when absent
 * @param description optional description, or {@code null}
 * @param svg         optional icon file name, or {@code null}
 * @param comments    optional notes, or {@code null}
 * @param examples    example header values the entry is meant to match (may be empty)
 * @param urls        informational URLs (may be empty)
 */
public record PatternEntry(
        PatternFile file,
        int index,
        String name,
        String pattern,
        Pattern javaPattern,
        String category,
        String description,
        String svg,
        String comments,
        List<String> examples,
        List<String> urls) {

    public PatternEntry {
        examples = List.copyOf(examples);
        urls = List.copyOf(urls);
    }

    /** Whether the pattern matches anywhere in {@code value} (JavaScript {@code RegExp.test}). */
    public boolean matches(CharSequence value) {
        return javaPattern.matcher(value).find();
    }
}
