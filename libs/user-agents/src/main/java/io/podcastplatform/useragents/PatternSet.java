package io.podcastplatform.useragents;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded, validated and compiled copy of the OPAWG lists: the entries of each file in file order,
 * and which copy it is. Immutable; obtain one from {@link PatternSetLoader}.
 */
public final class PatternSet {

    private final Map<PatternFile, List<PatternEntry>> entries;
    private final DataVersion version;

    PatternSet(Map<PatternFile, List<PatternEntry>> entries, DataVersion version) {
        EnumMap<PatternFile, List<PatternEntry>> copy = new EnumMap<>(PatternFile.class);
        for (PatternFile file : PatternFile.values()) {
            copy.put(file, List.copyOf(Objects.requireNonNull(entries.get(file), file.fileName())));
        }
        this.entries = copy;
        this.version = Objects.requireNonNull(version);
    }

    /** The entries of one file, in file order. */
    public List<PatternEntry> entries(PatternFile file) {
        return entries.get(file);
    }

    /** The entry of that name in that file, or {@code null}. */
    public PatternEntry entry(PatternFile file, String name) {
        for (PatternEntry e : entries.get(file)) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** Which copy this is: source, commit, date, location, fingerprint, entry counts. */
    public DataVersion version() {
        return version;
    }

    @Override
    public String toString() {
        return "PatternSet[" + version.describe() + "]";
    }
}
