package io.podcastplatform.catalog.brandvoice.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/brand-profiles/{id}/samples}: a piece of writing in the brand's voice. */
public record SampleRequest(
        @Size(max = 500) String title,
        @NotBlank @Size(max = 100_000) String content,
        @Size(max = 50) String contentType,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String sourceUrl,
        @Size(max = 100) String sourcePlatform,
        Boolean primaryExample) {
}
