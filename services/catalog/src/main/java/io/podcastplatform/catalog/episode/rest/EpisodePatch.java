package io.podcastplatform.catalog.episode.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Body of {@code PATCH /v1/episodes/{id}}: absent fields stay; {@code adSlots} replaces every slot. */
public record EpisodePatch(
        @Size(min = 1, max = 2000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
        @Size(max = 100000) String description,
        @Size(max = 50) List<@Valid @NotNull AdSlotRequest> adSlots) {

    /** One ad slot as the API takes it. */
    public record AdSlotRequest(
            @NotNull @Pattern(regexp = "pre|mid|post", message = "must be pre, mid or post") String position,
            @Min(0) Integer offsetSeconds,
            @NotNull @Min(1) @Max(3600) Integer durationSeconds,
            UUID sponsorId,
            UUID campaignId) {
    }
}
