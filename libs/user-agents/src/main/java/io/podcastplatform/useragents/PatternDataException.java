package io.podcastplatform.useragents;

/**
 * A pattern set could not be loaded: a file is missing or unreadable, is not valid JSON, does not
 * have the shape of the OPAWG patterns schema, or holds a pattern that does not compile. The
 * message names the location, the file and, where it applies, the entry (index and name) and the
 * pattern.
 */
public class PatternDataException extends RuntimeException {

    private final String file;
    private final String entryName;
    private final String pattern;

    public PatternDataException(String message, String file, String entryName, String pattern, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.entryName = entryName;
        this.pattern = pattern;
    }

    /** The file at fault (path or classpath location), or {@code null}. */
    public String file() {
        return file;
    }

    /** The name of the entry at fault, or {@code null}. */
    public String entryName() {
        return entryName;
    }

    /** The pattern at fault as written in the file, or {@code null}. */
    public String pattern() {
        return pattern;
    }
}
