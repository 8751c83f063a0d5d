package io.podcastplatform.helm;

import static io.podcastplatform.helm.RenderedChart.annotations;
import static io.podcastplatform.helm.RenderedChart.at;
import static io.podcastplatform.helm.RenderedChart.container;
import static io.podcastplatform.helm.RenderedChart.env;
import static io.podcastplatform.helm.RenderedChart.envSecretRef;
import static io.podcastplatform.helm.RenderedChart.envValue;
import static io.podcastplatform.helm.RenderedChart.labels;
import static io.podcastplatform.helm.RenderedChart.list;
import static io.podcastplatform.helm.RenderedChart.map;
import static io.podcastplatform.helm.RenderedChart.name;
import static io.podcastplatform.helm.RenderedChart.podSpec;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.TemplateCommand;

/**
 * Lints and renders the platform chart with the helm library bundled by helm-java (no helm binary,
 * no cluster) and checks the rendered objects.
 *
 * <p>helm-java's {@code template} returns only the release manifest, without the hook resources
 * (the migration and bootstrap Jobs). So the objects are rendered from a copy of the chart in
 * which the annotation key {@code helm.sh/hook} is renamed: Helm then keeps those objects in the
 * manifest, rendered by exactly the same templates, and the key is renamed back after parsing.
 * {@link #migrationJobsAreHooksThatHelmKeepsOutOfTheManifest()} renders the real chart as well to
 * check that Helm does take them for hooks.
 */
class PlatformChartTest {

    private static final Path CHART = Path.of(System.getProperty("helm.chart.dir", "platform"))
            .toAbsolutePath().normalize();
    private static final String RELEASE = "platform";
    private static final String NAMESPACE = "podcast";
    private static final String KUBE_VERSION = "1.31.0";

    private static final String HOOK = "helm.sh/hook";
    private static final String HOOK_STAND_IN = "test.podcastplatform.io/hook";

    /** Service name to schema. */
    private static final Map<String, String> SCHEMAS = orderedMap(
            "identity", "identity",
            "catalog", "catalog",
            "commerce", "commerce",
            "attribution-ingest", "ingest",
            "analytics-query", "analytics",
            "billing", "billing");

    /** Every variable a service reads. */
    private static final List<String> SERVICE_ENV = List.of(
            "HTTP_PORT", "HTTP_HOST", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD",
            "DB_MIGRATION_USER", "DB_MIGRATION_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
            "OIDC_AUTH_SERVER_URL", "LOG_JSON", "MIGRATE_AT_START");

    private static Path hookVisibleChart;

    @BeforeAll
    static void copyChartWithVisibleHooks(@TempDir Path dir) throws IOException {
        assertTrue(Files.isRegularFile(CHART.resolve("Chart.yaml")), "no chart at " + CHART);
        hookVisibleChart = dir.resolve("platform");
        int renamed = 0;
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = hookVisibleChart.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    continue;
                }
                String content = Files.readString(source);
                String rewritten = content.replace(HOOK + ":", HOOK_STAND_IN + ":");
                if (!rewritten.equals(content)) {
                    renamed++;
                }
                Files.writeString(target, rewritten);
            }
        }
        assertTrue(renamed >= 2, "expected hook annotations in the migration and bootstrap templates");
    }

    // ---------------------------------------------------------------------------------------
    // lint and versions

    @Test
    void lintPassesInStrictMode() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertFalse(result.isFailed(), () -> "helm lint --strict failed: " + result.getMessages());
        assertTrue(result.getMessages().stream().noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]")),
                () -> "lint findings: " + result.getMessages());
    }

    @Test
    void refusesClustersOlderThanItsApis() {
        // autoscaling/v2 and policy/v1 need Kubernetes >= 1.23; Chart.yaml asks for >= 1.25.
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> new Helm(CHART).template().withName(RELEASE).withKubeVersion("1.22.0").call());
        assertTrue(error.getMessage().contains("kubeVersion") || error.getMessage().contains("not compatible"),
                error.getMessage());
    }

    // ---------------------------------------------------------------------------------------
    // defaults: what is rendered

    @Test
    void defaultsRenderEverySixServicesOnce() {
        RenderedChart chart = render(Map.of());
        Set<String> expected = SCHEMAS.keySet().stream().map(PlatformChartTest::objectName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertAll(
                () -> assertEquals(expected, new TreeSet<>(chart.names("Deployment")), "Deployments"),
                () -> assertEquals(6, chart.ofKind("Deployment").size(), "Deployments"),
                () -> assertEquals(expected, new TreeSet<>(chart.names("Service")), "Services"),
                () -> assertEquals(expected, new TreeSet<>(chart.names("ConfigMap")), "ConfigMaps"),
                () -> assertEquals(expected, new TreeSet<>(chart.names("PodDisruptionBudget")), "PDBs"),
                () -> assertEquals(expected.stream().map(n -> n + "-migrate").collect(Collectors.toCollection(TreeSet::new)),
                        new TreeSet<>(chart.names("Job")), "migration Jobs"),
                // Only the hot path autoscales by default.
                () -> assertEquals(List.of(objectName("attribution-ingest")), chart.names("HorizontalPodAutoscaler")),
                () -> assertEquals(List.of(), chart.names("ServiceMonitor"), "ServiceMonitors are opt-in"),
                () -> assertEquals(List.of(), chart.names("KafkaTopic"), "KafkaTopics are opt-in"),
                () -> assertEquals(List.of(), chart.names("Secret"), "the chart never creates Secrets"),
                () -> assertTrue(chart.find("Job", RELEASE + "-db-bootstrap").isEmpty(), "bootstrap is opt-in"),
                () -> assertEquals(List.of(RELEASE), chart.names("ServiceAccount")));
    }

    @Test
    void everyServiceGetsEveryVariableItReads() {
        RenderedChart chart = render(Map.of(
                "global.database.host", "tsdb.example.internal",
                "global.database.port", 6432,
                "global.database.name", "podcasts",
                "global.kafka.bootstrapServers", "kafka-bootstrap.kafka:9093",
                "global.oidc.authServerUrl", "https://sso.example.com/realms/pod"));
        SCHEMAS.forEach((service, schema) -> {
            Map<String, Object> deployment = chart.get("Deployment", objectName(service));
            Map<String, Object> container = container(deployment);
            Map<String, Object> configMap = chart.get("ConfigMap", objectName(service));
            Map<String, Object> data = map(configMap.get("data"));

            Object envFrom = container.get("envFrom");
            assertEquals(objectName(service), at(map(list(envFrom).get(0)), "configMapRef.name"),
                    service + " reads its ConfigMap");
            Set<String> defined = new HashSet<>(data.keySet());
            defined.addAll(env(container).keySet());
            assertTrue(defined.containsAll(SERVICE_ENV), () -> service + " lacks " + missing(SERVICE_ENV, defined));

            assertAll(service,
                    () -> assertEquals("8080", data.get("HTTP_PORT")),
                    () -> assertEquals("0.0.0.0", data.get("HTTP_HOST")),
                    () -> assertEquals("tsdb.example.internal", data.get("DB_HOST")),
                    () -> assertEquals("6432", data.get("DB_PORT")),
                    () -> assertEquals("podcasts", data.get("DB_NAME")),
                    () -> assertEquals(schema + "_app", data.get("DB_USER")),
                    () -> assertEquals("kafka-bootstrap.kafka:9093", data.get("KAFKA_BOOTSTRAP_SERVERS")),
                    () -> assertEquals("https://sso.example.com/realms/pod", data.get("OIDC_AUTH_SERVER_URL")),
                    () -> assertEquals("true", data.get("LOG_JSON")),
                    () -> assertEquals("3", data.get("KAFKA_REPLICATION_FACTOR"), "topics the service creates"),
                    () -> assertEquals(8080, at(map(list(container.get("ports")).get(0)), "containerPort")),
                    () -> assertEquals("podcast-platform/" + service + ":0.1.0-SNAPSHOT", container.get("image")));
        });
    }

    @Test
    void probesAndGracefulShutdown() {
        RenderedChart chart = render(Map.of());
        for (Map<String, Object> deployment : chart.ofKind("Deployment")) {
            Map<String, Object> container = container(deployment);
            assertAll(name(deployment),
                    () -> assertEquals("/q/health/live", at(container, "livenessProbe.httpGet.path")),
                    () -> assertEquals("http", at(container, "livenessProbe.httpGet.port")),
                    () -> assertEquals("/q/health/ready", at(container, "readinessProbe.httpGet.path")),
                    () -> assertEquals("http", at(container, "readinessProbe.httpGet.port")),
                    () -> assertEquals("/q/health/started", at(container, "startupProbe.httpGet.path")),
                    () -> assertEquals(40, podSpec(deployment).get("terminationGracePeriodSeconds")),
                    () -> assertEquals(List.of("sleep", "5"), at(container, "lifecycle.preStop.exec.command")),
                    () -> assertEquals("/q/metrics", at(deployment, "spec.template.metadata.annotations")
                            instanceof Map<?, ?> a ? a.get("prometheus.io/path") : null));
        }
    }

    @Test
    void servicesSelectTheServerPodsButNotTheMigrationPods() {
        RenderedChart chart = render(Map.of());
        for (String service : SCHEMAS.keySet()) {
            Map<String, Object> svc = chart.get("Service", objectName(service));
            Map<String, Object> selector = map(at(svc, "spec.selector"));
            Map<String, Object> port = map(list(at(svc, "spec.ports")).get(0));
            Map<String, Object> serverPodLabels =
                    map(at(chart.get("Deployment", objectName(service)), "spec.template.metadata.labels"));
            Map<String, Object> migrationPodLabels =
                    map(at(chart.get("Job", objectName(service) + "-migrate"), "spec.template.metadata.labels"));
            assertAll(service,
                    () -> assertTrue(serverPodLabels.entrySet().containsAll(selector.entrySet()), "selects the pods"),
                    () -> assertFalse(migrationPodLabels.entrySet().containsAll(selector.entrySet()),
                            "must not select the migration Job's pod"),
                    () -> assertEquals(selector, at(chart.get("Deployment", objectName(service)), "spec.selector.matchLabels")),
                    () -> assertEquals(selector, at(chart.get("PodDisruptionBudget", objectName(service)), "spec.selector.matchLabels")),
                    () -> assertEquals(8080, port.get("port")),
                    () -> assertEquals("http", port.get("targetPort")));
        }
    }

    @Test
    void podsRunAsNonRootOnAReadOnlyRootFilesystemWithATmpEmptyDir() {
        RenderedChart chart = render(Map.of());
        List<Map<String, Object>> workloads = new java.util.ArrayList<>(chart.ofKind("Deployment"));
        workloads.addAll(chart.ofKind("Job"));
        for (Map<String, Object> workload : workloads) {
            Map<String, Object> pod = podSpec(workload);
            Map<String, Object> container = container(workload);
            List<Object> mounts = list(container.get("volumeMounts"));
            Map<String, Object> tmpMount = mounts.stream().map(RenderedChart::map)
                    .filter(m -> "/tmp".equals(m.get("mountPath"))).findFirst().orElse(Map.of());
            Map<String, Object> tmpVolume = list(pod.get("volumes")).stream().map(RenderedChart::map)
                    .filter(v -> v.get("name").equals(tmpMount.get("name"))).findFirst().orElse(Map.of());
            assertAll(name(workload),
                    () -> assertEquals(true, at(pod, "securityContext.runAsNonRoot")),
                    () -> assertEquals(true, at(container, "securityContext.runAsNonRoot")),
                    () -> assertEquals(true, at(container, "securityContext.readOnlyRootFilesystem")),
                    () -> assertEquals(false, at(container, "securityContext.allowPrivilegeEscalation")),
                    () -> assertEquals(List.of("ALL"), at(container, "securityContext.capabilities.drop")),
                    () -> assertEquals(false, pod.get("automountServiceAccountToken")),
                    () -> assertTrue(tmpVolume.containsKey("emptyDir"), "/tmp is an emptyDir"),
                    () -> assertTrue(at(container, "resources.requests.memory") != null, "memory request"),
                    () -> assertTrue(at(container, "resources.limits.memory") != null, "memory limit"));
        }
    }

    // ---------------------------------------------------------------------------------------
    // migrations

    @Test
    void migrationJobsAreHooksThatHelmKeepsOutOfTheManifest() {
        RenderedChart chart = render(Map.of());
        for (String service : SCHEMAS.keySet()) {
            Map<String, Object> annotations = annotations(chart.get("Job", objectName(service) + "-migrate"));
            assertAll(service,
                    () -> assertEquals(Set.of("pre-install", "pre-upgrade"), Set.of(((String) annotations.get(HOOK)).split(","))),
                    () -> assertEquals("before-hook-creation", annotations.get("helm.sh/hook-delete-policy")),
                    () -> assertTrue(annotations.containsKey("helm.sh/hook-weight")));
        }
        // analytics-query reads views that attribution-ingest's migrations create: it migrates later.
        assertTrue(hookWeight(chart, "analytics-query") > hookWeight(chart, "attribution-ingest"));

        // The real chart, as Helm itself splits it: the Jobs are hooks, not release resources.
        RenderedChart manifest = RenderedChart.parse(new Helm(CHART).template()
                .withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION).call());
        assertEquals(List.of(), manifest.names("Job"), "migration Jobs must be hooks");
        assertEquals(6, manifest.ofKind("Deployment").size());
    }

    @Test
    void deploymentsNeverMigrateAndJobsMigrateAndExitAsTheOwnerRole() {
        RenderedChart chart = render(Map.of());
        SCHEMAS.forEach((service, schema) -> {
            Map<String, Object> deployment = container(chart.get("Deployment", objectName(service)));
            Map<String, Object> job = chart.get("Job", objectName(service) + "-migrate");
            Map<String, Object> migrate = container(job);
            Map<String, Object> configData = map(chart.get("ConfigMap", objectName(service)).get("data"));
            assertAll(service,
                    () -> assertEquals("false", envValue(deployment, "MIGRATE_AT_START")),
                    () -> assertFalse(env(deployment).containsKey("QUARKUS_INIT_AND_EXIT")),
                    () -> assertFalse(configData.containsKey("MIGRATE_AT_START")),
                    () -> assertFalse(configData.containsKey("QUARKUS_INIT_AND_EXIT")),
                    // The running pods hold only the runtime role's credentials.
                    () -> assertEquals(schema + "_app", envValue(deployment, "DB_MIGRATION_USER")),
                    () -> assertEquals(service + "-db/app-password", envSecretRef(deployment, "DB_PASSWORD")),
                    () -> assertEquals(service + "-db/app-password", envSecretRef(deployment, "DB_MIGRATION_PASSWORD")),

                    () -> assertEquals("true", envValue(migrate, "QUARKUS_INIT_AND_EXIT")),
                    () -> assertEquals("true", envValue(migrate, "MIGRATE_AT_START")),
                    () -> assertEquals("production", envValue(migrate, "LIQUIBASE_CONTEXTS"), "never the local context"),
                    () -> assertEquals(schema + "_owner", envValue(migrate, "DB_MIGRATION_USER")),
                    () -> assertEquals(service + "-db/owner-password", envSecretRef(migrate, "DB_MIGRATION_PASSWORD")),
                    () -> assertEquals(schema + "_app", envValue(migrate, "DB_USER")),
                    () -> assertEquals(service + "-db/app-password", envSecretRef(migrate, "DB_PASSWORD")),
                    () -> assertEquals(deployment.get("image"), migrate.get("image"), "same image"),
                    () -> assertEquals("Never", podSpec(job).get("restartPolicy")),
                    // A pre-install hook runs before the ConfigMap exists: the Job carries the
                    // same configuration inline.
                    () -> assertNull(migrate.get("envFrom")),
                    () -> configData.forEach((k, v) -> assertEquals(v, envValue(migrate, k), k)));
        });
    }

    @Test
    void ownerCredentialsCanBeGivenToTheDeploymentOnRequest() {
        RenderedChart chart = render(Map.of("services.billing.database.ownerCredentialsInDeployment", true));
        Map<String, Object> billing = container(chart.get("Deployment", objectName("billing")));
        Map<String, Object> catalog = container(chart.get("Deployment", objectName("catalog")));
        assertAll(
                () -> assertEquals("billing_owner", envValue(billing, "DB_MIGRATION_USER")),
                () -> assertEquals("billing-db/owner-password", envSecretRef(billing, "DB_MIGRATION_PASSWORD")),
                () -> assertEquals("false", envValue(billing, "MIGRATE_AT_START")),
                () -> assertEquals("catalog_app", envValue(catalog, "DB_MIGRATION_USER")));
    }

    @Test
    void migrationJobsCanBeTurnedOff() {
        RenderedChart chart = render(Map.of("defaults.migration.enabled", false,
                "services.identity.migration.enabled", true));
        assertEquals(List.of(objectName("identity") + "-migrate"), chart.names("Job"));
    }

    // ---------------------------------------------------------------------------------------
    // secrets

    @Test
    void passwordsAreOnlyEverReferencesToExistingSecrets() {
        RenderedChart chart = render(Map.of(
                "databaseBootstrap.enabled", true,
                "services.identity.database.existingSecret", "identity-credentials",
                "services.identity.database.migrationExistingSecret", "identity-owner-credentials",
                "services.identity.database.passwordKey", "pw",
                "global.secretEnv.KAFKA_SASL_PASSWORD.secretName", "kafka-user",
                "global.secretEnv.KAFKA_SASL_PASSWORD.key", "password"));
        assertEquals(List.of(), chart.names("Secret"));

        Pattern sensitive = Pattern.compile("PASSWORD|SECRET|TOKEN|^PW_");
        int checked = 0;
        for (Map<String, Object> object : chart.all()) {
            if (!List.of("Deployment", "Job").contains(object.get("kind"))) {
                continue;
            }
            for (Map.Entry<String, Map<String, Object>> e : env(container(object)).entrySet()) {
                if (sensitive.matcher(e.getKey()).find()) {
                    assertFalse(e.getValue().containsKey("value"), name(object) + " has a literal " + e.getKey());
                    assertTrue(at(e.getValue(), "valueFrom.secretKeyRef.name") != null,
                            name(object) + " " + e.getKey() + " must come from a Secret");
                    checked++;
                }
            }
        }
        // Six Deployments and six Jobs with DB_PASSWORD, DB_MIGRATION_PASSWORD and the Kafka password;
        // identity's Deployment and Job with its Keycloak client secret; attribution-ingest's with its
        // two keys; the bootstrap Job with the admin password and the twelve role passwords.
        assertEquals(6 * 3 + 6 * 3 + 2 + 4 + 1 + 12, checked, "secret references checked");
        for (Map<String, Object> configMap : chart.ofKind("ConfigMap")) {
            map(configMap.get("data")).keySet().forEach(key ->
                    assertFalse(sensitive.matcher(key).find(), name(configMap) + " holds " + key));
        }

        Map<String, Object> identity = container(chart.get("Deployment", objectName("identity")));
        Map<String, Object> identityJob = container(chart.get("Job", objectName("identity") + "-migrate"));
        assertAll(
                () -> assertEquals("identity-credentials/pw", envSecretRef(identity, "DB_PASSWORD")),
                () -> assertEquals("identity-credentials/pw", envSecretRef(identityJob, "DB_PASSWORD")),
                () -> assertEquals("identity-owner-credentials/owner-password", envSecretRef(identityJob, "DB_MIGRATION_PASSWORD")),
                () -> assertEquals("kafka-user/password", envSecretRef(identity, "KAFKA_SASL_PASSWORD")),
                () -> assertEquals("kafka-user/password", envSecretRef(identityJob, "KAFKA_SASL_PASSWORD")));
    }

    // ---------------------------------------------------------------------------------------
    // per-service values

    @Test
    void perServiceOverridesApplyToThatServiceOnly() {
        RenderedChart chart = render(Map.of(
                "services.billing.replicas", 4,
                "services.catalog.image.tag", "1.2.3",
                "services.catalog.resources.limits.memory", "2Gi",
                "global.imageRegistry", "registry.example.com/",
                "defaults.replicas", 3));
        assertAll(
                () -> assertEquals(4, at(chart.get("Deployment", objectName("billing")), "spec.replicas")),
                () -> assertEquals(3, at(chart.get("Deployment", objectName("identity")), "spec.replicas")),
                () -> assertEquals(3, at(chart.get("Deployment", objectName("catalog")), "spec.replicas")),
                () -> assertEquals("registry.example.com/podcast-platform/catalog:1.2.3",
                        container(chart.get("Deployment", objectName("catalog"))).get("image")),
                () -> assertEquals("registry.example.com/podcast-platform/catalog:1.2.3",
                        container(chart.get("Job", objectName("catalog") + "-migrate")).get("image")),
                () -> assertEquals("registry.example.com/podcast-platform/billing:0.1.0-SNAPSHOT",
                        container(chart.get("Deployment", objectName("billing"))).get("image")),
                // A deep override keeps the sibling keys of the defaults.
                () -> assertEquals("2Gi", at(container(chart.get("Deployment", objectName("catalog"))), "resources.limits.memory")),
                () -> assertEquals("1", at(container(chart.get("Deployment", objectName("catalog"))), "resources.limits.cpu")),
                () -> assertEquals("768Mi", at(container(chart.get("Deployment", objectName("commerce"))), "resources.limits.memory")));
    }

    @Test
    void disablingAServiceRemovesAllItsObjects() {
        RenderedChart chart = render(Map.of("services.commerce.enabled", false, "databaseBootstrap.enabled", true));
        List<String> commerceObjects = chart.all().stream()
                .filter(o -> "commerce".equals(labels(o).get("app.kubernetes.io/name")) || name(o).contains("commerce"))
                .map(o -> o.get("kind") + "/" + name(o)).collect(Collectors.toList());
        assertAll(
                () -> assertEquals(List.of(), commerceObjects),
                () -> assertEquals(5, chart.ofKind("Deployment").size()),
                () -> assertEquals(5, chart.ofKind("Service").size()),
                () -> assertEquals(5, chart.ofKind("PodDisruptionBudget").size()),
                () -> assertEquals(5 + 1, chart.ofKind("Job").size(), "five migrations and the bootstrap"),
                () -> assertFalse(bootstrapSql(chart).contains("commerce"), "no commerce schema bootstrapped"));
    }

    @Test
    void autoscalingReplacesTheFixedReplicaCount() {
        RenderedChart chart = render(Map.of(
                "services.billing.autoscaling.enabled", true,
                "services.billing.autoscaling.maxReplicas", 5,
                "services.attribution-ingest.autoscaling.enabled", false));
        Map<String, Object> hpa = chart.get("HorizontalPodAutoscaler", objectName("billing"));
        assertAll(
                () -> assertEquals(List.of(objectName("billing")), chart.names("HorizontalPodAutoscaler")),
                () -> assertEquals(objectName("billing"), at(hpa, "spec.scaleTargetRef.name")),
                () -> assertEquals("Deployment", at(hpa, "spec.scaleTargetRef.kind")),
                () -> assertEquals(5, at(hpa, "spec.maxReplicas")),
                () -> assertEquals(2, at(hpa, "spec.minReplicas")),
                () -> assertEquals(70, at(map(list(at(hpa, "spec.metrics")).get(0)), "resource.target.averageUtilization")),
                () -> assertNull(at(chart.get("Deployment", objectName("billing")), "spec.replicas"),
                        "the HPA owns the replica count"),
                () -> assertEquals(3, at(chart.get("Deployment", objectName("attribution-ingest")), "spec.replicas")));

        RenderedChart defaults = render(Map.of());
        Map<String, Object> ingestHpa = defaults.get("HorizontalPodAutoscaler", objectName("attribution-ingest"));
        assertAll(
                () -> assertEquals(3, at(ingestHpa, "spec.minReplicas")),
                () -> assertEquals(12, at(ingestHpa, "spec.maxReplicas")),
                () -> assertNull(at(defaults.get("Deployment", objectName("attribution-ingest")), "spec.replicas")));
    }

    @Test
    void disruptionBudgetsAndServiceMonitorsFollowDefaultsAndOverrides() {
        RenderedChart chart = render(Map.of(
                "defaults.metrics.serviceMonitor.enabled", true,
                "defaults.metrics.serviceMonitor.labels.release", "prometheus",
                "services.billing.metrics.serviceMonitor.enabled", false,
                "services.identity.podDisruptionBudget.enabled", false));
        assertAll(
                () -> assertEquals(5, chart.ofKind("ServiceMonitor").size()),
                () -> assertTrue(chart.find("ServiceMonitor", objectName("billing")).isEmpty()),
                () -> assertEquals(5, chart.ofKind("PodDisruptionBudget").size()),
                () -> assertTrue(chart.find("PodDisruptionBudget", objectName("identity")).isEmpty()),
                () -> assertEquals(1, at(chart.get("PodDisruptionBudget", objectName("catalog")), "spec.maxUnavailable")));
        Map<String, Object> monitor = chart.get("ServiceMonitor", objectName("catalog"));
        Map<String, Object> endpoint = map(list(at(monitor, "spec.endpoints")).get(0));
        assertAll(
                () -> assertEquals("/q/metrics", endpoint.get("path")),
                () -> assertEquals("http", endpoint.get("port")),
                () -> assertEquals("prometheus", labels(monitor).get("release")),
                () -> assertEquals(at(chart.get("Service", objectName("catalog")), "spec.selector"),
                        at(monitor, "spec.selector.matchLabels")));
    }

    @Test
    void configurationChangesRollThePods() {
        String before = checksum(render(Map.of()), "catalog");
        String after = checksum(render(Map.of("global.kafka.bootstrapServers", "other:9092")), "catalog");
        assertNotEquals(before, after);
        assertEquals(before, checksum(render(Map.of("services.billing.replicas", 5)), "catalog"));
    }

    @Test
    void rejectsSchemaNamesThatAreNotPlainIdentifiers() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> render(Map.of("services.identity.database.schema", "Identity;drop")));
        assertTrue(error.getMessage().contains("must match"), error.getMessage());
    }

    // ---------------------------------------------------------------------------------------
    // database bootstrap and Kafka topics

    @Test
    void databaseBootstrapLaysOutSchemasAndRolesBeforeTheMigrations() {
        RenderedChart chart = render(Map.of(
                "databaseBootstrap.enabled", true,
                "databaseBootstrap.adminSecret.name", "tsdb-admin",
                "databaseBootstrap.extensions[0]", "timescaledb"));
        Map<String, Object> job = chart.get("Job", RELEASE + "-db-bootstrap");
        Map<String, Object> sqlConfigMap = chart.get("ConfigMap", RELEASE + "-db-bootstrap");
        Map<String, Object> psql = container(job);
        String sql = bootstrapSql(chart);

        int jobWeight = Integer.parseInt((String) annotations(job).get("helm.sh/hook-weight"));
        int configMapWeight = Integer.parseInt((String) annotations(sqlConfigMap).get("helm.sh/hook-weight"));
        assertAll(
                () -> assertEquals("pre-install,pre-upgrade", annotations(job).get(HOOK)),
                () -> assertEquals("pre-install,pre-upgrade", annotations(sqlConfigMap).get(HOOK)),
                () -> assertTrue(configMapWeight < jobWeight, "the SQL exists before the Job"),
                () -> SCHEMAS.keySet().forEach(s -> assertTrue(jobWeight < hookWeight(chart, s), "bootstrap before " + s)),
                () -> assertEquals("tsdb-admin/password", envSecretRef(psql, "PGPASSWORD")),
                () -> assertEquals("tsdb-admin/username", envSecretRef(psql, "PGUSER")),
                () -> assertEquals("podcast", envValue(psql, "PGDATABASE")),
                () -> assertTrue(sql.contains("CREATE EXTENSION IF NOT EXISTS \"timescaledb\";")),
                () -> assertTrue(sql.contains("rolbypassrls"), "fails on roles that bypass RLS"),
                () -> assertTrue(sql.contains("owns a relation"), "fails when a runtime role owns a table"));

        SCHEMAS.forEach((service, schema) -> {
            String owner = schema + "_owner";
            String app = schema + "_app";
            assertAll(service,
                    () -> assertTrue(sql.contains("format('CREATE SCHEMA %I AUTHORIZATION %I', '" + schema + "', '" + owner + "')")),
                    () -> assertTrue(sql.contains("ALTER SCHEMA \"" + schema + "\" OWNER TO \"" + owner + "\";")),
                    () -> assertTrue(sql.contains("format('CREATE ROLE %I LOGIN', '" + app + "')")),
                    () -> assertTrue(sql.contains("GRANT USAGE ON SCHEMA \"" + schema + "\" TO \"" + app + "\";")),
                    () -> assertTrue(sql.contains("ALTER DEFAULT PRIVILEGES FOR ROLE \"" + owner + "\" IN SCHEMA \"" + schema
                            + "\"\n  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO \"" + app + "\";")),
                    () -> assertTrue(sql.contains("REVOKE ALL ON SCHEMA \"" + schema + "\" FROM PUBLIC;")));
            String var = schema.toUpperCase();
            assertEquals(service + "-db/owner-password", envSecretRef(psql, "PW_" + var + "_OWNER"));
            assertEquals(service + "-db/app-password", envSecretRef(psql, "PW_" + var + "_APP"));
        });

        // Every password the SQL reads is handed to the Job, from a Secret.
        Matcher getenv = Pattern.compile("\\\\getenv \\w+ (\\w+)").matcher(sql);
        int passwords = 0;
        while (getenv.find()) {
            envSecretRef(psql, getenv.group(1));
            passwords++;
        }
        assertEquals(12, passwords);
        assertTrue(list(podSpec(job).get("volumes")).stream().map(RenderedChart::map)
                .anyMatch(v -> (RELEASE + "-db-bootstrap").equals(at(v, "configMap.name"))));
    }

    @Test
    void strimziTopicsAreOptional() {
        RenderedChart chart = render(Map.of("global.kafka.topics.enabled", true,
                "global.kafka.topics.clusterName", "events"));
        List<Map<String, Object>> topics = chart.ofKind("KafkaTopic");
        Map<String, Map<String, Object>> byTopic = new LinkedHashMap<>();
        topics.forEach(t -> byTopic.put((String) at(t, "spec.topicName"), t));
        Map<String, Object> apiKeys = byTopic.get("identity.api-key.v1");
        Map<String, Object> events = byTopic.get("ingest.listener-event.v1");
        assertAll(
                () -> assertTrue(topics.size() >= 2),
                () -> topics.forEach(t -> assertEquals("events", labels(t).get("strimzi.io/cluster"))),
                () -> topics.forEach(t -> assertEquals("keep", annotations(t).get("helm.sh/resource-policy"))),
                () -> assertEquals("compact", map(at(apiKeys, "spec.config")).get("cleanup.policy")),
                () -> assertEquals(24, at(events, "spec.partitions")),
                () -> assertEquals(3, at(events, "spec.replicas")),
                () -> assertEquals("2", map(at(events, "spec.config")).get("min.insync.replicas")));
    }

    @Test
    void notesNameEveryEnabledService() {
        Release release = new Helm(CHART).install().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION).dryRun().withDryRunOption(DryRun.CLIENT).clientOnly()
                .set("services.billing.enabled", false).call();
        String notes = release.getOutput().substring(release.getOutput().indexOf("NOTES:"));
        for (String service : SCHEMAS.keySet()) {
            boolean listed = notes.contains("  - " + service + ": http://" + objectName(service) + "." + NAMESPACE + ".svc:8080");
            assertEquals(!"billing".equals(service), listed, service + " in NOTES:\n" + notes);
        }
    }

    // ---------------------------------------------------------------------------------------

    /** Renders the hook-visible copy of the chart with the given values (as --set). */
    private static RenderedChart render(Map<String, Object> values) {
        TemplateCommand template = new Helm(hookVisibleChart).template()
                .withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
        values.forEach(template::set);
        RenderedChart chart = RenderedChart.parse(template.call());
        for (Map<String, Object> object : chart.all()) {
            Object annotations = at(object, "metadata.annotations");
            if (annotations instanceof Map<?, ?> && ((Map<?, ?>) annotations).containsKey(HOOK_STAND_IN)) {
                Map<String, Object> a = map(annotations);
                a.put(HOOK, a.remove(HOOK_STAND_IN));
            }
        }
        return chart;
    }

    private static String objectName(String service) {
        return RELEASE + "-" + service;
    }

    private static int hookWeight(RenderedChart chart, String service) {
        return Integer.parseInt((String) annotations(chart.get("Job", objectName(service) + "-migrate"))
                .get("helm.sh/hook-weight"));
    }

    private static String bootstrapSql(RenderedChart chart) {
        return (String) map(chart.get("ConfigMap", RELEASE + "-db-bootstrap").get("data")).get("bootstrap.sql");
    }

    private static String checksum(RenderedChart chart, String service) {
        return (String) at(chart.get("Deployment", objectName(service)), "spec.template.metadata.annotations.checksum/config");
    }

    private static Set<String> missing(List<String> wanted, Set<String> have) {
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(have);
        return missing;
    }

    private static Map<String, String> orderedMap(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
