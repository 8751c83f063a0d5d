package io.podcastplatform.identity.featureflag.service;

/**
 * A flag as one tenant sees it: its default, and its value for that tenant ({@code source} says whether
 * the tenant's own override or the platform default decided it).
 */
public record FeatureFlag(String key, String description, boolean defaultEnabled, boolean enabled, String source) {

    public static final String GLOBAL = "global";
    public static final String TENANT = "tenant";
}
