package io.podcastplatform.security.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podcastplatform.events.tenant.TenantStatus;
import io.quarkus.security.StringPermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionCheckerTest {

    @Test
    void anOwnerMayDoAnythingInAnActiveTenant() {
        PermissionChecker owner = new PermissionChecker(SystemRoles.grantsOf(List.of("owner")), TenantStatus.ACTIVE);

        assertThat(owner.allows(new StringPermission("api-key", "create"))).isTrue();
        assertThat(owner.allows(new StringPermission("billing", "manage"))).isTrue();
    }

    @Test
    void aViewerOnlyReads() {
        PermissionChecker viewer = new PermissionChecker(SystemRoles.grantsOf(List.of("viewer")), TenantStatus.ACTIVE);

        assertThat(viewer.allows(new StringPermission("api-key", "read"))).isTrue();
        assertThat(viewer.allows(new StringPermission("api-key", "create"))).isFalse();
        assertThat(viewer.allows(new StringPermission("api-key", "delete"))).isFalse();
    }

    @Test
    void anAdminCannotManageBillingButTheBillingRoleCan() {
        assertThat(new PermissionChecker(SystemRoles.grantsOf(List.of("admin")), null).allows("billing", Action.MANAGE)).isFalse();
        assertThat(new PermissionChecker(SystemRoles.grantsOf(List.of("billing")), null).allows("billing", Action.UPDATE)).isTrue();
        assertThat(new PermissionChecker(SystemRoles.grantsOf(List.of("billing")), null).allows("podcast", Action.READ)).isFalse();
    }

    @Test
    void aSuspendedTenantMayReadButNotWriteAndACancelledOneNeither() {
        Set<Grant> all = SystemRoles.grantsOf(List.of("owner"));

        PermissionChecker suspended = new PermissionChecker(all, TenantStatus.SUSPENDED);
        assertThat(suspended.allows("podcast", Action.READ)).isTrue();
        assertThat(suspended.allows("podcast", Action.CREATE)).isFalse();
        assertThat(suspended.allows("events", Action.WRITE)).isFalse();

        PermissionChecker cancelled = new PermissionChecker(all, TenantStatus.CANCELLED);
        assertThat(cancelled.allows("podcast", Action.READ)).isFalse();
    }

    @Test
    void auditTrailsAreOpenToOwnersAndAdminsButNotToReadersOfEverything() {
        assertThat(new PermissionChecker(SystemRoles.grantsOf(List.of("viewer")), null).allows("audit", Action.READ)).isFalse();
        assertThat(new PermissionChecker(SystemRoles.grantsOf(List.of("analyst")), null).allows("security-event", Action.READ)).isFalse();
        assertThat(new PermissionChecker(SystemRoles.grantsOf(List.of("admin")), null).allows("audit", Action.READ)).isTrue();
        assertThat(new PermissionChecker(SystemRoles.grantsOf(List.of("owner")), null).allows("security-event", Action.READ)).isTrue();
        assertThat(new PermissionChecker(Set.of(Grant.parse("*:read")), null).allows("audit", Action.READ)).isFalse();
    }

    @Test
    void everyRequestedActionMustBeAllowed() {
        PermissionChecker analyst = new PermissionChecker(SystemRoles.grantsOf(List.of("analyst")), TenantStatus.ACTIVE);

        assertThat(analyst.allows(new StringPermission("report", "read", "execute"))).isTrue();
        assertThat(analyst.allows(new StringPermission("podcast", "read", "update"))).isFalse();
    }

    @Test
    void unknownRolesGrantNothingAndGrantsParseStrictly() {
        assertThat(SystemRoles.grantsOf(List.of("offline_access", "uma_authorization"))).isEmpty();
        assertThat(Grant.parse("events:write").allows("events", Action.WRITE)).isTrue();
        assertThat(Grant.parse("*:read").allows("events", Action.WRITE)).isFalse();
        assertThatThrownBy(() -> Grant.parse("events")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grant.parse("events:fly")).isInstanceOf(IllegalArgumentException.class);
    }
}
