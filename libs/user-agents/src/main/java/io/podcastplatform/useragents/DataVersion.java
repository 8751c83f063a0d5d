package io.podcastplatform.useragents;

import java.util.Map;

/**
 * Which copy of the OPAWG lists a {@link PatternSet} was loaded from, for the methodology endpoint
 * and for knowing when past counts need recomputing.
 *
 * @param name         data set name, e.g. {@code opawg/user-agents-v2}
 * @param source       where the copy was taken from (upstream repository URL), or {@code unknown}
 * @param commit       upstream commit of the copy, or {@code unknown}
 * @param date         date of that commit (ISO), or {@code unknown}
 * @param license      licence of the data, or {@code unknown}
 * @param location     where it was loaded from: {@code classpath:opawg/user-agents-v2/} for the
 *                     bundled copy, else the directory's absolute path
 * @param bundled      whether this is the copy bundled in this library
 * @param fingerprint  SHA-256 (hex) over the six JSON files' bytes in {@link PatternFile} order:
 *                     changes whenever any list changes, whatever the version file says
 * @param entryCounts  number of entries per file
 */
public record DataVersion(
        String name,
        String source,
        String commit,
        String date,
        String license,
        String location,
        boolean bundled,
        String fingerprint,
        Map<PatternFile, Integer> entryCounts) {

    public DataVersion {
        entryCounts = Map.copyOf(entryCounts);
    }

    /** One line for logs and the methodology text, e.g. {@code opawg/user-agents-v2 @ 8008a31b (2026-08-06), bundled}. */
    public String describe() {
        return name + " @ " + commit + " (" + date + "), " + (bundled ? "bundled" : "from " + location)
                + ", sha256 " + fingerprint.substring(0, 12);
    }
}
