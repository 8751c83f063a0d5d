package io.podcastplatform.analytics.iab.service;

/**
 * The 24-hour de-duplication windows of IAB Podcast Measurement v2.3 §5.5.1, a tenant setting.
 */
public enum WindowMode {
    /** One download per listener and episode per calendar day in UTC. */
    FIXED_UTC_DAY,
    /** 24 hours from the request that counted the download (first touch). */
    ROLLING,
    /** 24 hours from the latest request of the listener, restarted by each one (last touch). */
    EXTENDING
}
