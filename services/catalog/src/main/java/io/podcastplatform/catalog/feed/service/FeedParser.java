package io.podcastplatform.catalog.feed.service;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdom2.Attribute;
import org.jdom2.Element;

/**
 * Reads an RSS (or Atom) document with Rome. The iTunes and Podcasting 2.0 tags arrive as Rome's
 * foreign markup and are read here, so every form of {@code itunes:duration} is understood and every
 * {@code podcast:} tag is kept as it is. Pure CPU work: call it off the event loop.
 */
public final class FeedParser {

    static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private static final int MAX_GUID = 2000;
    private static final int MAX_TITLE = 2000;
    private static final int MAX_URL = 4000;

    private FeedParser() {
    }

    public static ParsedFeed parse(byte[] document) {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(document)));
        } catch (Exception e) {
            throw new FeedFetchException("the document is not a readable RSS or Atom feed (" + e.getMessage() + ")");
        }
        List<Element> channel = feed.getForeignMarkup();
        String title = clip(firstNonBlank(text(feed.getTitle()), "Untitled podcast"), 500);
        String image = firstNonBlank(feed.getImage() == null ? null : feed.getImage().getUrl(), attribute(channel, ITUNES, "image", "href"));
        String description = firstNonBlank(feed.getDescription(), itunes(channel, "summary"));
        String author = firstNonBlank(feed.getAuthor(), itunes(channel, "author"));

        List<ParsedEpisode> episodes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int skipped = 0;
        for (SyndEntry entry : feed.getEntries()) {
            ParsedEpisode episode = episode(entry);
            if (episode == null || !seen.add(episode.guid())) {
                skipped++;
            } else {
                episodes.add(episode);
            }
        }
        return new ParsedFeed(title, description, http(feed.getLink()), http(image), author, feed.getLanguage(),
                podcasting20(channel), episodes, skipped);
    }

    private static ParsedEpisode episode(SyndEntry entry) {
        SyndEnclosure enclosure = entry.getEnclosures().stream()
                .filter(candidate -> http(candidate.getUrl()) != null)
                .findFirst().orElse(null);
        if (enclosure == null) {
            return null;
        }
        String enclosureUrl = http(enclosure.getUrl());
        String guid = firstNonBlank(entry.getUri(), enclosureUrl).strip();
        if (guid.length() > MAX_GUID) {
            return null;
        }
        List<Element> markup = entry.getForeignMarkup();
        String description = entry.getDescription() == null ? null : entry.getDescription().getValue();
        if (description == null && !entry.getContents().isEmpty()) {
            description = ((SyndContent) entry.getContents().get(0)).getValue();
        }
        Integer season = firstInteger(itunes(markup, "season"), podcast(markup, "season"));
        Integer number = firstInteger(itunes(markup, "episode"), podcast(markup, "episode"));
        String explicit = itunes(markup, "explicit");
        return new ParsedEpisode(guid, clip(firstNonBlank(text(entry.getTitle()), ""), MAX_TITLE),
                firstNonBlank(description, itunes(markup, "summary")), enclosureUrl,
                enclosure.getLength() > 0 ? enclosure.getLength() : null, enclosure.getType(),
                ItunesDuration.seconds(itunes(markup, "duration")), time(entry.getPublishedDate(), entry.getUpdatedDate()),
                season, number, itunes(markup, "episodeType"),
                explicit == null ? null : Set.of("yes", "true", "explicit").contains(explicit.strip().toLowerCase(Locale.ROOT)),
                http(attribute(markup, ITUNES, "image", "href")), podcasting20(markup));
    }

    /** Every tag of the Podcasting 2.0 namespace, with its attributes and text. */
    private static List<Map<String, Object>> podcasting20(List<Element> markup) {
        List<Map<String, Object>> tags = new ArrayList<>();
        for (Element element : markup) {
            if (!isPodcastNamespace(element)) {
                continue;
            }
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("tag", element.getName());
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Attribute attribute : element.getAttributes()) {
                attributes.put(attribute.getName(), attribute.getValue());
            }
            if (!attributes.isEmpty()) {
                tag.put("attributes", attributes);
            }
            String text = element.getTextNormalize();
            if (!text.isEmpty()) {
                tag.put("text", text);
            }
            tags.add(tag);
        }
        return tags;
    }

    private static boolean isPodcastNamespace(Element element) {
        String uri = element.getNamespaceURI().toLowerCase(Locale.ROOT);
        return uri.contains("podcastindex");
    }

    private static String itunes(List<Element> markup, String name) {
        return markup.stream().filter(element -> ITUNES.equals(element.getNamespaceURI()) && name.equals(element.getName()))
                .map(Element::getTextNormalize).filter(text -> !text.isEmpty()).findFirst().orElse(null);
    }

    private static String podcast(List<Element> markup, String name) {
        return markup.stream().filter(element -> isPodcastNamespace(element) && name.equals(element.getName()))
                .map(Element::getTextNormalize).filter(text -> !text.isEmpty()).findFirst().orElse(null);
    }

    private static String attribute(List<Element> markup, String namespace, String name, String attribute) {
        return markup.stream().filter(element -> namespace.equals(element.getNamespaceURI()) && name.equals(element.getName()))
                .map(element -> element.getAttributeValue(attribute)).filter(value -> value != null && !value.isBlank())
                .findFirst().orElse(null);
    }

    private static Integer firstInteger(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && candidate.strip().matches("\\d{1,9}")) {
                return Integer.parseInt(candidate.strip());
            }
        }
        return null;
    }

    private static OffsetDateTime time(Date published, Date updated) {
        Date date = published != null ? published : updated;
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static String http(String url) {
        if (url == null) {
            return null;
        }
        String stripped = url.strip();
        String lower = stripped.toLowerCase(Locale.ROOT);
        if (stripped.length() > MAX_URL) {
            return null;
        }
        // the scheme in lower case, as the episode contract and every consumer expect it
        if (lower.startsWith("http://")) {
            return "http://" + stripped.substring(7);
        }
        return lower.startsWith("https://") ? "https://" + stripped.substring(8) : null;
    }

    private static String text(String value) {
        return value == null ? null : value.strip();
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
