package io.podcastplatform.identity;

import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.ServiceFoundationContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;

@QuarkusTest
@WithTestResource(RealStackResource.class)
class IdentityFoundationIT extends ServiceFoundationContract {

    @Override
    protected String schema() {
        return "identity";
    }

    @Override
    protected Set<String> publicOperations() {
        return Set.of("GET /v1/platform/settings");
    }

    @Override
    protected List<String> expectedTables() {
        return List.of("tenant", "api_key", "audit_log", "security_event", "feature_flag", "feature_flag_override", "gdpr_request", "app_user", "team", "team_member", "custom_role", "user_role", "access_policy", "access_log", "tenant_setting", "white_label_settings", "platform_settings", "outbox_event", "processed_event", "tenant_directory", "api_key_directory", "grant_directory");
    }
}
