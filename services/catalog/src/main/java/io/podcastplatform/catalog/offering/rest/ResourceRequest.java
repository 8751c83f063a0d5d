package io.podcastplatform.catalog.offering.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Body of {@code POST /v1/offerings/{id}/resources}. */
public record ResourceRequest(
        @NotNull @Pattern(regexp = "content|file|link|text", message = "must be content, file, link or text") String resourceType,
        UUID contentId,
        @Size(max = 4000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String fileUrl,
        @Size(max = 4000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String linkUrl,
        @Size(max = 200_000) String textContent,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 20000) String description,
        @Pattern(regexp = "before|during|after|always", message = "must be before, during, after or always") String availableWhen,
        OffsetDateTime unlockAt,
        @Min(0) Integer displayOrder) {
}
