package io.podcastplatform.catalog.brandvoice.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/brand-profiles/{id}/scores}: a text to check against the brand's voice. */
public record ScoreRequest(@NotBlank @Size(max = 100_000) String text, @Size(max = 200) String contentId) {
}
