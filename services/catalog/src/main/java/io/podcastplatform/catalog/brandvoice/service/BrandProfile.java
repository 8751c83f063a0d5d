package io.podcastplatform.catalog.brandvoice.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A brand's voice configuration (seed 003) and the state of its training from samples. */
public record BrandProfile(UUID id, UUID tenantId, String createdBy, String name, String slug, List<String> toneKeywords,
                           String writingStyle, String industry, String targetAudience, List<String> preferredWords,
                           List<String> avoidWords, List<String> brandValues, List<String> contentThemes, boolean active,
                           String trainingStatus, double trainingQuality, int sampleCount, long version,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
