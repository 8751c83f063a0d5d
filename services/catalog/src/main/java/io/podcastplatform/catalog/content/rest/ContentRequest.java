package io.podcastplatform.catalog.content.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Body of {@code POST /v1/content}, and of {@code PATCH} where absent fields stay as they are. */
public record ContentRequest(
        @Size(min = 1, max = 500) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
        @Size(max = 500) @Pattern(regexp = SLUG, message = "must be lower-case words joined by hyphens") String slug,
        @Size(max = 20000) String description,
        @Pattern(regexp = "video|audio|written", message = "must be video, audio or written") String contentType,
        @Size(max = 4000) @Pattern(regexp = URL, message = "must be an http or https URL") String mediaUrl,
        @Min(0) Integer mediaDurationSeconds,
        @Size(max = 4000) @Pattern(regexp = URL, message = "must be an http or https URL") String thumbnailUrl,
        @Size(max = 2_000_000) String body,
        @Size(max = 100) String category,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags,
        UUID seriesId,
        @Pattern(regexp = "public|private|members_only|purchased_only",
                message = "must be public, private, members_only or purchased_only") String visibility,
        @DecimalMin("0.00") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2) BigDecimal price,
        @Pattern(regexp = "draft|published|archived", message = "must be draft, published or archived") String status,
        @Size(max = 100) List<@NotNull UUID> prerequisiteContentIds) {

    static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    static final String URL = "https?://\\S+";
}
