package io.podcastplatform.identity.platform.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The platform's own branding and contact details, shown where no tenant's white label applies. */
public record PlatformSettings(
        @NotBlank @Size(max = 200) String platformName,
        @Size(max = 2000) @Pattern(regexp = "^https://\\S+$", message = "an https URL") String logoUrl,
        @NotBlank @Pattern(regexp = "^#[0-9a-fA-F]{6}$", message = "a colour such as #1a2b3c") String primaryColor,
        @Size(max = 500) String heroTitle,
        @Size(max = 2000) String heroSubtitle,
        @Size(max = 2000) @Pattern(regexp = "^https://\\S+$", message = "an https URL") String heroBackgroundUrl,
        @Size(max = 100) String heroCtaText,
        @Size(max = 500) String heroCtaLink,
        @Size(max = 100) List<@NotBlank String> featuredContentIds,
        @Email @Size(max = 254) String contactEmail,
        @Size(max = 20) Map<String, String> socialLinks,
        @Size(max = 100_000) String aboutContent,
        @Size(max = 200) String emailFromName,
        @NotBlank @Size(max = 50) String timezone) {
}
