package io.podcastplatform.catalog.sponsor.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/sponsors}. */
public record SponsorRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String company,
        @Email @Size(max = 320) String email,
        @Size(max = 200) String contactName,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String websiteUrl,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String logoUrl,
        @Size(max = 100) String industry) {
}
