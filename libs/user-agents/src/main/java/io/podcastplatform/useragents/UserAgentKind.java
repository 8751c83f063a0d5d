package io.podcastplatform.useragents;

/** What a User-Agent was recognised as: the file of the first matching entry. */
public enum UserAgentKind {
    /** Matched {@code bots.json}: an IAB bot. */
    BOT,
    /** Matched {@code apps.json}: a podcast app. */
    APP,
    /** Matched {@code libraries.json}: an HTTP library (an IAB bot when its category is {@code bot}). */
    LIBRARY,
    /** Matched {@code browsers.json}: a web browser (the Referer may then name a web player). */
    BROWSER,
    /** Present but matched no list. Not a bot. */
    UNKNOWN,
    /** No User-Agent, or a blank one: an IAB bot. */
    MISSING
}
