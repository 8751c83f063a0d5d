package io.podcastplatform.catalog.episode.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.catalog.episode.service.Transcript;
import io.podcastplatform.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** A transcript as the API shows it. */
public record TranscriptView(UUID id, UUID episodeId, String language, String status, String source, String text,
                             JsonNode segments, int wordCount, Integer durationSeconds, OffsetDateTime createdAt,
                             OffsetDateTime updatedAt) {

    static TranscriptView of(Transcript transcript) {
        return new TranscriptView(transcript.id(), transcript.episodeId(), transcript.language(),
                transcript.status().toLowerCase(Locale.ROOT), transcript.source(), transcript.text(),
                transcript.segmentsJson() == null ? null : EventJson.tree(transcript.segmentsJson().getBytes(StandardCharsets.UTF_8)),
                transcript.wordCount(), transcript.durationSeconds(), transcript.createdAt(), transcript.updatedAt());
    }
}
