package io.podcastplatform.catalog.brandvoice.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /v1/brand-profiles}. */
public record BrandProfileRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by hyphens") String slug,
        @Size(max = 30) List<@NotBlank @Size(max = 50) String> toneKeywords,
        @Size(max = 2000) String writingStyle,
        @Size(max = 100) String industry,
        @Size(max = 500) String targetAudience,
        @Size(max = 100) List<@NotBlank @Size(max = 50) String> preferredWords,
        @Size(max = 100) List<@NotBlank @Size(max = 50) String> avoidWords,
        @Size(max = 30) List<@NotBlank @Size(max = 100) String> brandValues,
        @Size(max = 30) List<@NotBlank @Size(max = 100) String> contentThemes) {
}
