package io.podcastplatform.catalog.offering.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Body of {@code POST /v1/offerings}, and of {@code PATCH} where absent fields stay as they are. */
public record OfferingRequest(
        @Size(min = 1, max = 500) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
        @Size(max = 500) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by hyphens") String slug,
        @Size(max = 20000) String description,
        @Pattern(regexp = "one_time_event|multi_day_program|recurring_fixed|recurring_bookable|cohort_course|retreat",
                message = "must be one_time_event, multi_day_program, recurring_fixed, recurring_bookable, cohort_course or retreat")
        String offeringType,
        @Pattern(regexp = "one_on_one|small_group|large_group|unlimited",
                message = "must be one_on_one, small_group, large_group or unlimited") String capacityType,
        @Min(1) Integer maxParticipants,
        @Pattern(regexp = "online|in_person|hybrid|self_guided", message = "must be online, in_person, hybrid or self_guided")
        String deliveryMethod,
        @Size(max = 2000) String locationDetails,
        @Size(max = 50) String videoConferenceProvider,
        JsonNode schedule,
        @DecimalMin("0") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2) BigDecimal price,
        @Min(0) Integer creditCost,
        JsonNode paymentOptions,
        @Pattern(regexp = "draft|published|archived", message = "must be draft, published or archived") String status,
        OffsetDateTime registrationDeadline,
        JsonNode portalConfig) {
}
