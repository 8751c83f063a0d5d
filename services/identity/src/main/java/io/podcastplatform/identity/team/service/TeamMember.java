package io.podcastplatform.identity.team.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record TeamMember(UUID userId, String role, List<String> permissions, OffsetDateTime addedAt) {
}
