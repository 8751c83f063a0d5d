package io.podcastplatform.catalog.episode.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code PUT /v1/episodes/{id}/transcripts/{language}}: text, timed segments, or both. */
public record TranscriptRequest(
        @Size(max = 2_000_000) String text,
        @Size(max = 100_000) List<@Valid @NotNull SegmentRequest> segments,
        @Size(max = 50) String source) {

    /** A timed piece of the transcript. */
    public record SegmentRequest(
            @NotNull @Min(0) @Max(86_400) Double startSeconds,
            @NotNull @Min(0) @Max(86_400) Double endSeconds,
            @NotNull @Size(max = 20_000) String text,
            @Size(max = 200) String speaker) {
    }
}
