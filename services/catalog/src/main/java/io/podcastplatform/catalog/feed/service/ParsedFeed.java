package io.podcastplatform.catalog.feed.service;

import java.util.List;
import java.util.Map;

/**
 * A feed as parsed: the show's own fields and its episodes in feed order, each guid once.
 *
 * @param skipped items left out because they have no audio enclosure or no usable guid
 */
public record ParsedFeed(String title, String description, String websiteUrl, String imageUrl, String author, String language,
                         List<Map<String, Object>> podcasting20, List<ParsedEpisode> episodes, int skipped) {
}
