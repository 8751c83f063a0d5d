package io.podcastplatform.catalog.template.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A reusable template of a tool (seed 003): preset inputs under a name, counted each time it is used. */
public record Template(UUID id, UUID tenantId, String createdBy, String name, String slug, String description, String toolId,
                       String presetInputs, String category, List<String> tags, boolean isPublic, int useCount,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
