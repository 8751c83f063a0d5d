package io.podcastplatform.identity.access.service;

import io.podcastplatform.events.Topics;
import io.podcastplatform.events.identity.GrantsChanged;
import io.podcastplatform.identity.access.repository.AccessRepository;
import io.podcastplatform.messaging.outbox.OutboxEvent;
import io.podcastplatform.messaging.outbox.OutboxWriter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Publishes the full set of a member's extra grants (custom roles with their expiry, team grants) on
 * {@code identity.grant.v1}, in the transaction that changed them, so every service authorises with the
 * same grants identity does.
 */
@ApplicationScoped
public class GrantPublisher {

    private final AccessRepository access;
    private final OutboxWriter outbox;

    public GrantPublisher(AccessRepository access, OutboxWriter outbox) {
        this.access = access;
        this.outbox = outbox;
    }

    public Uni<Void> publish(SqlClient tx, UUID tenantId, Collection<UUID> userIds) {
        return Multi.createFrom().iterable(List.copyOf(userIds))
                .onItem().transformToUniAndConcatenate(userId -> publish(tx, tenantId, userId))
                .collect().last().replaceWithVoid();
    }

    private Uni<UUID> publish(SqlClient tx, UUID tenantId, UUID userId) {
        return access.assignments(tx, userId).flatMap(assignments -> access.teamPermissions(tx, userId).flatMap(teamPermissions -> {
            List<GrantsChanged.UserGrant> grants = new ArrayList<>();
            assignments.forEach(assignment -> assignment.permissions()
                    .forEach(permission -> grants.add(new GrantsChanged.UserGrant(permission, assignment.expiresAt()))));
            teamPermissions.forEach(permission -> grants.add(new GrantsChanged.UserGrant(permission, null)));
            return access.nextGrantVersion(tx).flatMap(version -> outbox.append(tx, new OutboxEvent(Topics.IDENTITY_GRANT_V1,
                    userId.toString(), GrantsChanged.TYPE, tenantId, userId.toString(),
                    new GrantsChanged(userId, tenantId, grants, version, OffsetDateTime.now()))));
        }));
    }
}
