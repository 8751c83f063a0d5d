package io.podcastplatform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a service's {@code @QuarkusTest}s at the real PostgreSQL, Kafka and Keycloak started by
 * {@code deploy/local/test.sh}, and fails at once, naming what is missing, when one does not answer.
 * Nothing is started here: there is no Docker, and Dev Services stay off.
 */
public class RealStackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        RealStack.requireReachable(RealStack.Server.values());
        return Map.of(
                "kafka.bootstrap.servers", RealStack.KAFKA_BOOTSTRAP_SERVERS,
                "quarkus.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // the servers belong to the script that started them
    }
}
