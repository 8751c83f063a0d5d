package io.podcastplatform.identity.settings.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A tenant's branding; every field is optional and an absent one falls back to the platform's. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WhiteLabel(
        @Size(max = 200) String brandName,
        @Size(max = 2000) @Pattern(regexp = "^https://\\S+$", message = "an https URL") String logoUrl,
        @Pattern(regexp = "^#[0-9a-fA-F]{6}$", message = "a colour such as #1a2b3c") String primaryColor,
        @Pattern(regexp = "^#[0-9a-fA-F]{6}$", message = "a colour such as #1a2b3c") String secondaryColor,
        @Size(max = 253) @Pattern(regexp = "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", message = "a lower-case domain name") String customDomain,
        @Size(max = 50_000) String customCss,
        @Size(max = 200) String emailFromName,
        @Email @Size(max = 254) String emailFromAddress) {
}
