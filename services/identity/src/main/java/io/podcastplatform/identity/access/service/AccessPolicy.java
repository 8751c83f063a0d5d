package io.podcastplatform.identity.access.service;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * An attribute-based rule: for {@code resource:action} (either may be {@code *}), when every condition
 * holds, allow or deny. Conditions map an attribute path ({@code subject.id}, {@code resource.owner},
 * {@code request.ip}, {@code request.hour}, …) to one operator and its operand, e.g.
 * {@code {"resource.owner": {"equals": "${subject.id}"}, "request.ip": {"cidr": "10.0.0.0/8"}}}.
 */
public record AccessPolicy(UUID id, String name, Effect effect, String resource, String action,
                           Map<String, Map<String, Object>> conditions, int priority, boolean enabled, boolean logDecisions,
                           OffsetDateTime createdAt) {

    public enum Effect { ALLOW, DENY }
}
