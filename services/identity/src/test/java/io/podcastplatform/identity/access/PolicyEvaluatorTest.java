package io.podcastplatform.identity.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.podcastplatform.identity.access.service.AccessPolicy;
import io.podcastplatform.identity.access.service.AccessPolicy.Effect;
import io.podcastplatform.identity.access.service.PolicyEvaluator;
import io.podcastplatform.identity.access.service.PolicyEvaluator.Decision;
import io.podcastplatform.security.permission.Action;
import io.podcastplatform.security.permission.Grant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {

    private static final Set<Grant> EDITOR = Set.of(Grant.parse("podcast:update"), Grant.parse("*:read"));

    private static AccessPolicy policy(String name, Effect effect, String resource, String action, int priority,
                                       Map<String, Map<String, Object>> conditions) {
        return new AccessPolicy(UUID.randomUUID(), name, effect, resource, action, conditions, priority, true, false, null);
    }

    private static Map<String, Object> attributes(String subject, String owner, String ip, int hour) {
        return Map.of("subject", Map.of("id", subject), "resource", Map.of("owner", owner, "sensitivity", "high"),
                "request", Map.of("ip", ip, "hour", hour));
    }

    @Test
    void rolesAloneDecideWhenNoPolicyApplies() {
        assertThat(PolicyEvaluator.decide(EDITOR, List.of(), "podcast", Action.UPDATE, Map.of()))
                .isEqualTo(new Decision(true, "role", null));
        assertThat(PolicyEvaluator.decide(EDITOR, List.of(), "podcast", Action.DELETE, Map.of()))
                .isEqualTo(new Decision(false, "default", null));
    }

    @Test
    void aMatchingDenyWinsOverRolesAndOverAllowPolicies() {
        AccessPolicy officeOnly = policy("office network only", Effect.DENY, "podcast", "*", 10,
                Map.of("request.ip", Map.of("cidr", "203.0.113.0/24")));
        AccessPolicy allowAll = policy("allow everything", Effect.ALLOW, "*", "*", 100, Map.of());

        Decision decision = PolicyEvaluator.decide(EDITOR, List.of(allowAll, officeOnly), "podcast", Action.UPDATE,
                attributes("u1", "u1", "203.0.113.9", 12));

        assertThat(decision).isEqualTo(new Decision(false, "policy", "office network only"));
        assertThat(PolicyEvaluator.decide(EDITOR, List.of(allowAll, officeOnly), "podcast", Action.UPDATE,
                attributes("u1", "u1", "198.51.100.7", 12)).allowed()).isTrue();
    }

    @Test
    void anAllowPolicyGrantsWhatRolesDoNotWhenItsConditionsHold() {
        AccessPolicy ownersDelete = policy("owners delete their podcasts", Effect.ALLOW, "podcast", "delete", 5,
                Map.of("resource.owner", Map.of("equals", "${subject.id}"), "request.hour", Map.of("between", List.of(9, 17))));

        assertThat(PolicyEvaluator.decide(EDITOR, List.of(ownersDelete), "podcast", Action.DELETE, attributes("u1", "u1", "10.0.0.1", 10)))
                .isEqualTo(new Decision(true, "policy", "owners delete their podcasts"));
        assertThat(PolicyEvaluator.decide(EDITOR, List.of(ownersDelete), "podcast", Action.DELETE, attributes("u1", "u2", "10.0.0.1", 10)).allowed())
                .isFalse();
        assertThat(PolicyEvaluator.decide(EDITOR, List.of(ownersDelete), "podcast", Action.DELETE, attributes("u1", "u1", "10.0.0.1", 20)).allowed())
                .isFalse();
    }

    @Test
    void disabledPoliciesAndOtherResourcesDoNotApply() {
        AccessPolicy disabled = new AccessPolicy(UUID.randomUUID(), "off", Effect.DENY, "*", "*", Map.of(), 1, false, false, null);
        AccessPolicy other = policy("campaigns only", Effect.DENY, "campaign", "*", 1, Map.of());

        assertThat(PolicyEvaluator.decide(EDITOR, List.of(disabled, other), "podcast", Action.READ, Map.of()).allowed()).isTrue();
    }

    @Test
    void operatorsCompareNumbersListsAndMissingAttributes() {
        AccessPolicy sensitive = policy("sensitive", Effect.DENY, "*", "read", 1,
                Map.of("resource.sensitivity", Map.of("in", List.of("high", "secret")), "subject.clearance", Map.of("exists", false)));

        assertThat(PolicyEvaluator.decide(EDITOR, List.of(sensitive), "report", Action.READ, attributes("u", "o", "10.0.0.1", 1)).allowed()).isFalse();
        Map<String, Object> cleared = Map.of("subject", Map.of("clearance", 3), "resource", Map.of("sensitivity", "high"));
        assertThat(PolicyEvaluator.decide(EDITOR, List.of(sensitive), "report", Action.READ, cleared).allowed()).isTrue();
    }

    @Test
    void malformedConditionsAreExplained() {
        assertThat(PolicyEvaluator.problemWith(Map.of("owner", Map.of("equals", "x")))).hasValueSatisfying(p -> assertThat(p).contains("subject."));
        assertThat(PolicyEvaluator.problemWith(Map.of("request.ip", Map.of("like", "10.%")))).hasValueSatisfying(p -> assertThat(p).contains("one operator"));
        assertThat(PolicyEvaluator.problemWith(Map.of("request.ip", Map.of("cidr", "ten/8")))).hasValueSatisfying(p -> assertThat(p).contains("cidr"));
        assertThat(PolicyEvaluator.problemWith(Map.of("request.hour", Map.of("between", List.of(9))))).isPresent();
        assertThat(PolicyEvaluator.problemWith(Map.of("request.ip", Map.of("cidr", "2001:db8::/32"), "resource.tags", Map.of("in", List.of("a"))))).isEmpty();
    }

    @Test
    void ipv6BlocksMatchByPrefix() {
        AccessPolicy v6 = policy("lab", Effect.DENY, "*", "*", 1, Map.of("request.ip", Map.of("cidr", "2001:db8::/32")));

        assertThat(PolicyEvaluator.decide(EDITOR, List.of(v6), "podcast", Action.READ, Map.of("request", Map.of("ip", "2001:db8:1::5"))).allowed()).isFalse();
        assertThat(PolicyEvaluator.decide(EDITOR, List.of(v6), "podcast", Action.READ, Map.of("request", Map.of("ip", "2001:db9::5"))).allowed()).isTrue();
        assertThat(PolicyEvaluator.decide(EDITOR, List.of(v6), "podcast", Action.READ, Map.of("request", Map.of("ip", "example.com"))).allowed()).isTrue();
    }
}
