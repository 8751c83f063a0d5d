package io.podcastplatform.identity.team.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record Team(UUID id, String name, Map<String, Object> settings, boolean active, String createdBy,
                   OffsetDateTime createdAt, OffsetDateTime updatedAt, List<TeamMember> members) {

    public Team withMembers(List<TeamMember> members) {
        return new Team(id, name, settings, active, createdBy, createdAt, updatedAt, members);
    }
}
