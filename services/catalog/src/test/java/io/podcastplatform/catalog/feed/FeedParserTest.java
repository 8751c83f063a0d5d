package io.podcastplatform.catalog.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podcastplatform.catalog.feed.service.FeedFetchException;
import io.podcastplatform.catalog.feed.service.FeedParser;
import io.podcastplatform.catalog.feed.service.ParsedEpisode;
import io.podcastplatform.catalog.feed.service.ParsedFeed;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                 xmlns:podcast="https://podcastindex.org/namespace/1.0">
              <channel>
                <title>Night Owl Radio</title>
                <link>https://nightowl.example.com</link>
                <description>Late talk.</description>
                <language>en-us</language>
                <itunes:author>Owl Media</itunes:author>
                <itunes:image href="https://cdn.example.com/owl.jpg"/>
                <podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
                <item>
                  <guid isPermaLink="false">owl-2</guid>
                  <title>Second</title>
                  <description>Two</description>
                  <enclosure url="HTTPS://media.example.com/owl/2.mp3" length="48234567" type="audio/mpeg"/>
                  <pubDate>Fri, 20 Nov 2026 06:00:00 GMT</pubDate>
                  <itunes:duration>50:12</itunes:duration>
                  <itunes:season>2</itunes:season>
                  <itunes:episode>42</itunes:episode>
                  <itunes:explicit>yes</itunes:explicit>
                  <podcast:transcript url="https://media.example.com/owl/2.vtt" type="text/vtt" language="en"/>
                  <podcast:person role="host">Ada</podcast:person>
                </item>
                <item>
                  <guid>owl-1</guid>
                  <title>First</title>
                  <enclosure url="https://media.example.com/owl/1.mp3" length="0" type="audio/mpeg"/>
                  <itunes:duration>1:02:03</itunes:duration>
                  <podcast:season>1</podcast:season>
                  <podcast:episode>1</podcast:episode>
                </item>
                <item><guid>owl-1</guid><title>Repeated guid</title><enclosure url="https://media.example.com/x.mp3" length="1" type="audio/mpeg"/></item>
                <item><guid>text-only</guid><title>Show notes without audio</title></item>
              </channel>
            </rss>
            """;

    @Test
    void theShowAndEveryEpisodeAreRead() {
        ParsedFeed feed = FeedParser.parse(FEED.getBytes(StandardCharsets.UTF_8));

        assertThat(feed.title()).isEqualTo("Night Owl Radio");
        assertThat(feed.websiteUrl()).isEqualTo("https://nightowl.example.com");
        assertThat(feed.imageUrl()).isEqualTo("https://cdn.example.com/owl.jpg");
        assertThat(feed.author()).isEqualTo("Owl Media");
        assertThat(feed.podcasting20()).anySatisfy(tag -> assertThat(tag).containsEntry("tag", "guid"));
        assertThat(feed.episodes()).hasSize(2);
        assertThat(feed.skipped()).isEqualTo(2);

        ParsedEpisode second = feed.episodes().get(0);
        assertThat(second.guid()).isEqualTo("owl-2");
        assertThat(second.enclosureUrl()).isEqualTo("https://media.example.com/owl/2.mp3");
        assertThat(second.enclosureLength()).isEqualTo(48_234_567L);
        assertThat(second.durationSeconds()).isEqualTo(3012);
        assertThat(second.publishedAt()).hasToString("2026-11-20T06:00Z");
        assertThat(second.seasonNumber()).isEqualTo(2);
        assertThat(second.episodeNumber()).isEqualTo(42);
        assertThat(second.explicit()).isTrue();
        assertThat(second.podcasting20()).extracting(tag -> tag.get("tag")).containsExactly("transcript", "person");

        ParsedEpisode first = feed.episodes().get(1);
        assertThat(first.enclosureLength()).isNull();
        assertThat(first.durationSeconds()).isEqualTo(3723);
        assertThat(first.seasonNumber()).isEqualTo(1);
        assertThat(first.episodeNumber()).isEqualTo(1);
    }

    @Test
    void htmlIsNoFeed() {
        assertThatThrownBy(() -> FeedParser.parse("<html><body>Not here</body></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFetchException.class).hasMessageContaining("not a readable RSS or Atom feed");
    }

    @Test
    void brokenXmlIsNoFeed() {
        assertThatThrownBy(() -> FeedParser.parse("<rss><channel><title>cut off".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFetchException.class);
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsExpanded() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&secret;</title></channel></rss>""";

        assertThatThrownBy(() -> FeedParser.parse(xxe.getBytes(StandardCharsets.UTF_8))).isInstanceOf(FeedFetchException.class);
    }
}
