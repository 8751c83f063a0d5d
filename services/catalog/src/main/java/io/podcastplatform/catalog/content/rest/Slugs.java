package io.podcastplatform.catalog.content.rest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;

/** Slugs made from titles when a create names none. */
final class Slugs {

    private Slugs() {
    }

    static String from(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "item-" + UUID.randomUUID().toString().substring(0, 8) : slug;
    }
}
