package io.podcastplatform.catalog.offering.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An offering (seed 002); {@code schedule}, {@code paymentOptions} and {@code portalConfig} are JSON objects as stored. */
public record Offering(UUID id, UUID tenantId, String creatorId, String title, String slug, String description, String offeringType,
                       String capacityType, Integer maxParticipants, String deliveryMethod, String locationDetails,
                       String videoConferenceProvider, String schedule, BigDecimal price, Integer creditCost, String paymentOptions,
                       String status, OffsetDateTime publishedAt, OffsetDateTime registrationDeadline, String portalConfig,
                       int bookingCount, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
