package io.podcastplatform.analytics.methodology.service;

import io.podcastplatform.analytics.iab.service.IabConfig;
import io.podcastplatform.analytics.iab.service.WindowMode;
import io.podcastplatform.analytics.methodology.repository.IabSettingRepository;
import io.podcastplatform.analytics.rollup.repository.ListenerSketchRepository;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.useragents.DataVersion;
import io.podcastplatform.useragents.UserAgentClassifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** How this platform counts, for the tenant asking: the rules, its window mode and the lists in use. */
@ApplicationScoped
public class Methodology {

    public record Description(String guidelines, WindowMode windowMode, List<String> windowModes, List<String> rules,
                              String userAgentLists, String userAgentListsFingerprint, List<String> differencesFromOpenImplementations,
                              List<String> definitions, String uniqueListenersCounting) {
    }

    private static final List<String> RULES = List.of(
            "Only GET requests for the audio count; HEAD requests never do.",
            "A listener is the client address (IPv6 reduced to its first 64 bits, hashed with a per-tenant key at ingest; raw addresses are never stored) and the User-Agent, per episode.",
            "A download needs one minute of audio delivered: episode bytes x 60 / duration; the whole file when the episode is shorter than a minute. A listener's byte ranges are reassembled (their union) until then, so play-pause-play is one download.",
            "Requests for bytes=0-1 (availability probes) deliver nothing and are disregarded.",
            "Requests without a User-Agent, from user agents the OPAWG user-agents-v2 lists name as bots (and libraries marked as bots), and Apple Watch duplicates (User-Agent starting atc/ with watchOS, or containing (null)/(null) watchOS) are excluded.",
            "A listener counts at most once per 24-hour window, in the tenant's window mode; ranges of a listener accumulate for at most one window's length.",
            "When an episode's length or duration is unknown, any GET other than a probe counts.",
            "Anomalies such as a spike from one address are flagged, not silently removed: counts can be recomputed for a past period when the lists change (the fingerprint below identifies the lists).");

    private static final List<String> DEFINITIONS = List.of(
            "Unique listeners: the distinct IAB listeners (client address hash and User-Agent, across episodes) among the downloads counted in a bucket of the dashboard's time zone or in the whole period (they do not add up across buckets). Listeners are the first 64 bits of a SHA-256 of address and User-Agent: two share one with a probability of about n^2/2^65 (under 3 in a million for 10 million listeners). Where the database has the hll extension, they are the union of hourly HyperLogLog sketches (2^14 registers of 5 bits: exact while a union holds fewer than about 1,280 listeners, then within 0.81 % of the true count at one standard error, 2.4 % at three); a podcast's or episode's breakdown is sketched the same way from its listener rows when asked. Elsewhere they are counted distinct at query time, exactly. Each answer says which (uniqueListenersCounting). Downloads are always exact.",
            "Breakdowns: the country, app and device of the request that made a download count, as ingest enriched it; the platform (operating system) is read from its User-Agent; missing values are 'unknown'.",
            "Session (listen-through): the SDK's session_id, or without one the listener (user_id, else anonymous_id, else the household hash), per episode and UTC day; a session never crosses a UTC midnight. It belongs to the hour of its first event.",
            "Reach of a session: its furthest position over the longest duration reported, or its largest completion_rate, whichever is further; an Episode Completed event is 100 %. Completed: reached 100 %. Listening time: the largest listen_duration_seconds reported (cumulative), else the furthest position.",
            "Listen-through curve: at every 5 % of the duration, the share of sessions whose reach is at least that point; quartiles are the points 25, 50, 75 and 95 %. A session with an event flagged as a bot is left out unless bots=include.");

    private static final List<String> DIFFERENCES = List.of(
            "OP3 de-duplicates per UTC day on IP, User-Agent and Referer and counts every GET without a byte threshold; we require one minute of audio and do not key on the Referer.",
            "Castopod uses a rolling 24-hour window and sums byte ranges; we offer all three v2.3 windows and take the union of ranges, so a replayed range is not counted twice.");

    private final TenantTransactions transactions;
    private final IabSettingRepository settings;
    private final UserAgentClassifier userAgents;
    private final IabConfig config;
    private final ListenerSketchRepository sketches;

    public Methodology(TenantTransactions transactions, IabSettingRepository settings, UserAgentClassifier userAgents, IabConfig config,
                       ListenerSketchRepository sketches) {
        this.transactions = transactions;
        this.sketches = sketches;
        this.settings = settings;
        this.userAgents = userAgents;
        this.config = config;
    }

    public Uni<WindowMode> windowMode(UUID tenantId) {
        return transactions.inTenant(tenantId, settings::windowMode).map(mode -> mode.orElse(config.defaultWindowMode()));
    }

    public Uni<Description> describe(UUID tenantId) {
        DataVersion lists = userAgents.dataVersion();
        return transactions.inTenant(tenantId, tx -> settings.windowMode(tx).flatMap(mode -> sketches.installed(tx).map(hll ->
                new Description("IAB Tech Lab Podcast Technical Measurement Guidelines v2.2/v2.3", mode.orElse(config.defaultWindowMode()),
                        List.of(WindowMode.values()).stream().map(Enum::name).toList(), RULES, lists.describe(), lists.fingerprint(), DIFFERENCES,
                        DEFINITIONS, hll.map(version -> "hyperloglog (hll " + version + ", log2m " + ListenerSketchRepository.LOG2M
                                + ", regwidth " + ListenerSketchRepository.REGWIDTH + ")").orElse("exact")))));
    }

    public Uni<Description> setWindowMode(UUID tenantId, WindowMode mode, String updatedBy) {
        return transactions.inTenant(tenantId, tx -> settings.setWindowMode(tx, tenantId, mode, updatedBy)).flatMap(done -> describe(tenantId));
    }
}
