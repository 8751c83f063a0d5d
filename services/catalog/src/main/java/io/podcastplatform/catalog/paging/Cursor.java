package io.podcastplatform.catalog.paging;

import io.podcastplatform.web.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/** Opaque keyset cursor: the sort time and id of the last item of the previous page. */
public record Cursor(OffsetDateTime at, UUID id) {

    public String encode() {
        String raw = at + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for the first page; a 400 naming {@code cursor} for anything this API did not hand out. */
    public static Cursor parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new Cursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API returned");
        }
    }
}
