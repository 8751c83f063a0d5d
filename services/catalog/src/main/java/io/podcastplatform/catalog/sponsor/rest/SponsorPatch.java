package io.podcastplatform.catalog.sponsor.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /v1/sponsors/{id}}: absent fields stay as they are. */
public record SponsorPatch(
        @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(max = 200) String company,
        @Email @Size(max = 320) String email,
        @Size(max = 200) String contactName,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String websiteUrl,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String logoUrl,
        @Size(max = 100) String industry) {
}
