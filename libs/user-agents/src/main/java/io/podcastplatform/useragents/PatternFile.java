package io.podcastplatform.useragents;

/** The six OPAWG user-agents-v2 pattern files, in the order they are matched or consulted. */
public enum PatternFile {
    /** Self-identified bots: every match is an IAB bot. Matched first. */
    BOTS("bots.json", Header.USER_AGENT),
    /** Podcast apps. Matched second. */
    APPS("apps.json", Header.USER_AGENT),
    /** HTTP libraries; those with category {@code bot} are IAB bots. Matched third. */
    LIBRARIES("libraries.json", Header.USER_AGENT),
    /** Web browsers. Matched fourth. */
    BROWSERS("browsers.json", Header.USER_AGENT),
    /** Devices (category: mobile, computer, smart_speaker, smart_tv, watch, auto), looked up separately. */
    DEVICES("devices.json", Header.USER_AGENT),
    /** Web players and sites, matched against the Referer of a browser request. */
    REFERRERS("referrers.json", Header.REFERER);

    /** Which request header a file's patterns are matched against. */
    public enum Header { USER_AGENT, REFERER }

    private final String fileName;
    private final Header header;

    PatternFile(String fileName, Header header) {
        this.fileName = fileName;
        this.header = header;
    }

    public String fileName() {
        return fileName;
    }

    public Header header() {
        return header;
    }
}
