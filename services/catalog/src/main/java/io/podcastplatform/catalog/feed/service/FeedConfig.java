package io.podcastplatform.catalog.feed.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How feeds are fetched: limits that keep a hostile or broken feed from hurting the service. */
@ConfigMapping(prefix = "catalog.feeds")
public interface FeedConfig {

    /** A feed larger than this is refused while it streams in. */
    @WithDefault("20971520")
    long maxBytes();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Longest silence while reading the answer. */
    @WithDefault("15s")
    Duration readTimeout();

    /** Longest a whole fetch (every redirect included) may take. */
    @WithDefault("60s")
    Duration totalTimeout();

    @WithDefault("5")
    int maxRedirects();

    /**
     * Address ranges (CIDR) that may be fetched although they are loopback, private or link-local;
     * empty in production. Tests allow 127.0.0.1/32 to serve feeds from a local server.
     */
    Optional<List<String>> allowedPrivateRanges();

    /** A feed is re-imported once its last attempt is older than this. */
    @WithDefault("1h")
    Duration reimportAfter();

    /** How often the scheduler looks for due feeds ({@code off} disables it); read by its {@code @Scheduled}. */
    @WithDefault("5m")
    String reimportCheck();

    /** Feeds re-imported per scheduler run. */
    @WithDefault("20")
    int reimportBatch();

    @WithDefault("PodcastPlatformCatalog/1.0 (+https://podcastplatform.io)")
    String userAgent();
}
