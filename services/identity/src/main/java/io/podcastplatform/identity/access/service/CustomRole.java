package io.podcastplatform.identity.access.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record CustomRole(UUID id, String name, String description, List<String> permissions, OffsetDateTime createdAt) {
}
