package io.podcastplatform.catalog.content.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Body of {@code POST /v1/content-series}, and of {@code PATCH} where absent fields stay as they are. */
public record SeriesRequest(
        @Size(min = 1, max = 500) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
        @Size(max = 500) @Pattern(regexp = ContentRequest.SLUG, message = "must be lower-case words joined by hyphens") String slug,
        @Size(max = 20000) String description,
        @Size(max = 4000) @Pattern(regexp = ContentRequest.URL, message = "must be an http or https URL") String thumbnailUrl,
        @DecimalMin("0.00") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2) BigDecimal price,
        @Size(max = 1000) List<@NotNull UUID> contentOrder,
        @Pattern(regexp = "draft|published|archived", message = "must be draft, published or archived") String status) {
}
