package io.trackorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.trackorder.support.ConfigProperties;
import io.trackorder.support.ConfigProperties.Property;
import io.trackorder.support.KubernetesManifests;
import io.trackorder.support.KubernetesManifests.Kustomization;

/**
 * The kustomize base in src/main/kubernetes and its Knative overlay (knative/) agree with the
 * application's configuration: ports (the public one and the management one), probes, environment
 * variables, shutdown timing, and no secret values in git. Each check runs on the resource files and
 * on what {@code kubectl kustomize} renders (skipped when kubectl is not on the PATH; CI installs
 * it). No cluster is needed. The probe paths are checked against the running application by
 * {@link ProbePathsTest}.
 */
class KubernetesManifestsTest {

    private static final String COMMON_LABEL = "app.kubernetes.io/name";
    private static final String HTTP = "http";
    private static final String MANAGEMENT = "management";
    /** Knative's name for HTTP/1.1 on its one container port (h2c, the other name it accepts, is HTTP/2). */
    private static final String KNATIVE_HTTP = "http1";
    /**
     * Knative's queue-proxy holds back the container's SIGTERM (through a preStop hook) until it has
     * drained: 30 s without a new request.
     */
    private static final Duration KNATIVE_DRAIN = Duration.ofSeconds(30);
    /** PostgreSQL's default max_connections minus its default superuser_reserved_connections. */
    private static final int DEFAULT_DATABASE_CONNECTIONS = 100 - 3;
    private static final Path DEPLOYMENT_DOCS = Path.of("src", "site", "markdown", "deployment.md");

    private final ConfigProperties config = ConfigProperties.load();

    /**
     * Each kustomization that serves requests, from its files and as kubectl renders it (the
     * migration Job serves none: {@link MigrationJobManifestTest}).
     */
    static Stream<Arguments> everyRendering() {
        return Stream.of(Kustomization.BASE, Kustomization.KNATIVE)
                .flatMap(k -> Stream.of(Arguments.of(k, KubernetesManifests.FILES),
                        Arguments.of(k, KubernetesManifests.KUBECTL)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyRendering")
    void theServingContainerPortIsTheApplicationsHttpPort(Kustomization kustomization, String source) {
        KubernetesManifests manifests = KubernetesManifests.of(kustomization, source);
        assertEquals(applicationPort(manifests, "quarkus.http.port"), namedPort(manifests, servingPortName(kustomization)));
    }

    @ParameterizedTest
    @ValueSource(strings = { KubernetesManifests.FILES, KubernetesManifests.KUBECTL })
    void theContainerPortNamedManagementIsTheApplicationsManagementPort(String source) {
        KubernetesManifests manifests = KubernetesManifests.of(Kustomization.BASE, source);
        assertEquals(applicationPort(manifests, "quarkus.management.port"), namedPort(manifests, MANAGEMENT));
        assertTrue(namedPort(manifests, MANAGEMENT) != namedPort(manifests, HTTP), "two different ports");
    }

    @ParameterizedTest
    @ValueSource(strings = { KubernetesManifests.FILES, KubernetesManifests.KUBECTL })
    void theServiceSendsPort80ToTheHttpPortOfTheDeploymentsPods(String source) {
        KubernetesManifests manifests = KubernetesManifests.of(Kustomization.BASE, source);
        JsonNode service = manifests.one("v1", "Service").path("spec");
        assertEquals("ClusterIP", service.path("type").asText("ClusterIP"));
        assertEquals(1, service.path("ports").size(), "one port");
        JsonNode port = service.path("ports").get(0);
        assertEquals(80, port.path("port").asInt());
        assertEquals(namedPort(manifests, HTTP), containerPort(manifests, port.path("targetPort")),
                "targetPort: the public port only, never the management port");

        JsonNode deployment = manifests.workload().path("spec");
        JsonNode podLabels = deployment.path("template").path("metadata").path("labels");
        assertEquals(deployment.path("selector").path("matchLabels"), service.path("selector"),
                "the Service selects what the Deployment selects");
        service.path("selector").fields().forEachRemaining(label -> assertEquals(label.getValue(),
                podLabels.path(label.getKey()), "the pods carry the selector's label " + label.getKey()));
    }

    /**
     * Health is served on the management interface only: a probe of the public port would always fail.
     * The Deployment names its container port; Knative declares only the serving port and accepts
     * another port in a probe only as a number.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyRendering")
    void everyProbeAsksTheManagementPortOverHttp(Kustomization kustomization, String source) {
        KubernetesManifests manifests = KubernetesManifests.of(kustomization, source);
        int managementPort = applicationPort(manifests, "quarkus.management.port");
        String reference = kustomization == Kustomization.BASE ? MANAGEMENT : String.valueOf(managementPort);
        for (String probe : probes(kustomization)) {
            JsonNode httpGet = manifests.container().path(probe).path("httpGet");
            assertTrue(httpGet.has("path"), probe + " is an HTTP GET");
            assertEquals(reference, httpGet.path("port").asText(), probe + " port");
            assertEquals(managementPort, containerPort(manifests, httpGet.path("port")), probe + " port");
        }
    }

    /** A misspelt or build-time property in the environment is silently ignored by the application. */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyRendering")
    void everyEnvironmentVariableSetsAPropertyTheApplicationReadsAtRunTime(Kustomization kustomization, String source) {
        KubernetesManifests manifests = KubernetesManifests.of(kustomization, source);
        List<String> names = new ArrayList<>(configMapEnvironment(manifests).keySet());
        manifests.container().path("env").forEach(variable -> names.add(variable.path("name").asText()));
        assertFalse(names.isEmpty());
        for (String name : names) {
            Optional<Property> property = config.forEnvironmentVariable(name);
            assertTrue(property.isPresent(), name + " names no configuration property of the application");
            assertTrue(property.get().readAtRunTime(),
                    name + " sets " + property.get().name() + ", which is fixed at build time (" + property.get().phase()
                            + ")");
        }
    }

    /**
     * Kubernetes kills the container when the grace period is over. Knative sets it to the revision's
     * timeoutSeconds, and the SIGTERM comes only after its queue-proxy has drained.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyRendering")
    void theGracePeriodOutlastsTheShutdownDelayAndTimeout(Kustomization kustomization, String source) {
        KubernetesManifests manifests = KubernetesManifests.of(kustomization, source);
        Duration delay = ConfigProperties.duration(podValue(manifests, "quarkus.shutdown.delay")
                .orElseThrow(() -> new AssertionError("production has no quarkus.shutdown.delay")));
        Duration timeout = ConfigProperties.duration(podValue(manifests, "quarkus.shutdown.timeout")
                .orElseThrow(() -> new AssertionError("production has no quarkus.shutdown.timeout")));
        boolean knative = kustomization == Kustomization.KNATIVE;
        String field = knative ? "timeoutSeconds" : "terminationGracePeriodSeconds";
        long grace = manifests.podSpec().path(field).asLong(knative ? 300 : 30);
        Duration beforeSigterm = knative ? KNATIVE_DRAIN : Duration.ZERO;
        assertTrue(Duration.ofSeconds(grace).compareTo(beforeSigterm.plus(delay).plus(timeout)) > 0, field + " " + grace
                + " must exceed " + beforeSigterm + " before SIGTERM + delay " + delay + " + timeout " + timeout);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyRendering")
    void theJwtPublicKeyLocationIsTheFileMountedFromTheSecret(Kustomization kustomization, String source) {
        KubernetesManifests manifests = KubernetesManifests.of(kustomization, source);
        String location = podValue(manifests, "mp.jwt.verify.publickey.location")
                .orElseThrow(() -> new AssertionError("mp.jwt.verify.publickey.location is not set"));
        String secretName = secretName(manifests);
        List<String> mountedFiles = new ArrayList<>();
        for (JsonNode volume : manifests.podSpec().path("volumes")) {
            if (!secretName.equals(volume.path("secret").path("secretName").asText())) {
                continue;
            }
            for (JsonNode mount : manifests.container().path("volumeMounts")) {
                if (mount.path("name").asText().equals(volume.path("name").asText())) {
                    volume.path("secret").path("items").forEach(item -> mountedFiles
                            .add("file:" + mount.path("mountPath").asText() + "/" + item.path("path").asText()));
                }
            }
        }
        assertTrue(mountedFiles.contains(location),
                location + " is not among the files mounted from the Secret " + mountedFiles);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyRendering")
    void everyObjectCarriesTheCommonLabel(Kustomization kustomization, String source) {
        for (JsonNode object : KubernetesManifests.of(kustomization, source).objects()) {
            assertEquals("track-ordering-service", object.path("metadata").path("labels").path(COMMON_LABEL).asText(),
                    object.path("kind").asText() + " " + COMMON_LABEL);
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyRendering")
    void theContainerRunsAsNonRootWithAReadOnlyRootFilesystem(Kustomization kustomization, String source) {
        KubernetesManifests manifests = KubernetesManifests.of(kustomization, source);
        // The container's setting wins over the pod's (Knative accepts it only on the container).
        JsonNode security = manifests.container().path("securityContext");
        JsonNode runAsNonRoot = security.has("runAsNonRoot") ? security.path("runAsNonRoot")
                : manifests.podSpec().path("securityContext").path("runAsNonRoot");
        assertTrue(runAsNonRoot.asBoolean(), "runAsNonRoot");
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true));
        assertEquals("[\"ALL\"]", security.path("capabilities").path("drop").toString());
        assertTrue(security.path("readOnlyRootFilesystem").asBoolean());
        // The JVM and Vert.x write temporary files: /tmp must be a writable emptyDir.
        String tmpVolume = null;
        for (JsonNode mount : manifests.container().path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp") && !mount.path("readOnly").asBoolean()) {
                tmpVolume = mount.path("name").asText();
            }
        }
        assertNotNull(tmpVolume, "no writable volume on /tmp");
        boolean emptyDir = false;
        for (JsonNode volume : manifests.podSpec().path("volumes")) {
            emptyDir |= volume.path("name").asText().equals(tmpVolume) && volume.has("emptyDir");
        }
        assertTrue(emptyDir, "/tmp is an emptyDir");
    }

    /** Secret values never enter git: the Secret is created by the operator, and the manifests only refer to it. */
    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void noSecretValuesAreCommitted(Kustomization kustomization) {
        for (JsonNode document : KubernetesManifests.everyDocument()) {
            assertFalse("Secret".equals(document.path("kind").asText()),
                    "a Secret is committed: " + document.path("metadata").path("name").asText());
        }
        assertFalse(kustomization.file().has("secretGenerator"), "kustomization.yaml generates a Secret from committed values");
        KubernetesManifests.renderedByKubectl(kustomization)
                .ifPresent(rendered -> rendered.objects().forEach(object -> assertFalse(
                        "Secret".equals(object.path("kind").asText()), "kubectl kustomize renders a Secret")));
        assertFalse(secretName(KubernetesManifests.fromResourceFiles(kustomization)).isEmpty());
    }

    /**
     * Either way of running the service takes the same ConfigMap, Secret keys and files; Knative's
     * instances, started cold, leave the migrations to the migration Job.
     */
    @Test
    void theKnativeServiceTakesTheSameConfigurationAsTheDeployment() {
        KubernetesManifests deployment = KubernetesManifests.fromResourceFiles(Kustomization.BASE);
        KubernetesManifests knative = KubernetesManifests.fromResourceFiles(Kustomization.KNATIVE);
        for (String field : List.of("envFrom", "volumeMounts")) {
            assertEquals(deployment.container().path(field), knative.container().path(field), field);
        }
        ArrayNode withoutMigrations = deployment.container().path("env").deepCopy();
        withoutMigrations.addObject().put("name", "QUARKUS_FLYWAY_MIGRATE_AT_START").put("value", "false");
        assertEquals(withoutMigrations, knative.container().path("env"), "env");
        assertEquals(deployment.podSpec().path("volumes"), knative.podSpec().path("volumes"), "volumes");
    }

    /** Knative makes its own Deployment and Services: the base's would only be in the way. */
    @ParameterizedTest
    @ValueSource(strings = { KubernetesManifests.FILES, KubernetesManifests.KUBECTL })
    void knativeRendersOnlyTheConfigMapAndTheKnativeService(String source) {
        List<String> objects = KubernetesManifests.of(Kustomization.KNATIVE, source).objects().stream()
                .map(o -> o.path("apiVersion").asText() + " " + o.path("kind").asText()).sorted().toList();
        assertEquals(List.of("serving.knative.dev/v1 Service", "v1 ConfigMap"), objects);
    }

    /**
     * Idle instances stop, and the instances there may be stay within the database's connections: each
     * holds the pool, the revocation listener's connection and Flyway's at start, and while a new
     * revision takes over the old one's instances still hold theirs.
     */
    @ParameterizedTest
    @ValueSource(strings = { KubernetesManifests.FILES, KubernetesManifests.KUBECTL })
    void knativeScalesToZeroAndWithinTheDatabasesConnections(String source) {
        KubernetesManifests manifests = KubernetesManifests.of(Kustomization.KNATIVE, source);
        JsonNode annotations = manifests.workload().path("spec").path("template").path("metadata").path("annotations");
        assertEquals("0", annotations.path("autoscaling.knative.dev/min-scale").asText(), "min-scale");
        int maxScale = Integer.parseInt(annotations.path("autoscaling.knative.dev/max-scale").asText("0"));
        assertTrue(maxScale > 0, "max-scale is set");
        int connections = 2 * maxScale * (poolSize(manifests) + 2);
        assertTrue(connections <= DEFAULT_DATABASE_CONNECTIONS,
                connections + " connections at most, more than PostgreSQL's default " + DEFAULT_DATABASE_CONNECTIONS);
    }

    /** Reactive: no thread per request, but one pooled connection per request at most; deployment.md says why. */
    @ParameterizedTest
    @ValueSource(strings = { KubernetesManifests.FILES, KubernetesManifests.KUBECTL })
    void knativeLimitsEachInstanceToAsManyRequestsAsItsPoolHasConnections(String source) throws IOException {
        KubernetesManifests manifests = KubernetesManifests.of(Kustomization.KNATIVE, source);
        int concurrency = manifests.podSpec().path("containerConcurrency").asInt(0);
        assertTrue(concurrency > 0, "containerConcurrency " + concurrency + ": 0 means unlimited");
        assertTrue(concurrency <= poolSize(manifests), "containerConcurrency " + concurrency + " exceeds the pool size");
        assertTrue(Files.readString(DEPLOYMENT_DOCS).contains("`containerConcurrency: " + concurrency + "`"),
                DEPLOYMENT_DOCS + " documents containerConcurrency " + concurrency);
    }

    /** The image the docs build from Dockerfile.native-micro: the base's name and tag, with -native. */
    @ParameterizedTest
    @ValueSource(strings = { KubernetesManifests.FILES, KubernetesManifests.KUBECTL })
    void knativeRunsTheNativeImage(String source) throws IOException {
        JsonNode baseImage = Kustomization.BASE.file().path("images").get(0);
        String name = baseImage.path("name").asText();
        String nativeTag = baseImage.path("newTag").asText() + "-native";
        String image = KubernetesManifests.of(Kustomization.KNATIVE, source).container().path("image").asText();
        if (KubernetesManifests.FILES.equals(source)) {
            JsonNode knativeImage = Kustomization.KNATIVE.file().path("images").get(0);
            assertEquals(name, image);
            assertEquals(name, knativeImage.path("name").asText());
            assertEquals(nativeTag, knativeImage.path("newTag").asText());
        } else {
            assertEquals(name + ":" + nativeTag, image);
        }
        assertTrue(Files.readString(DEPLOYMENT_DOCS).contains("Dockerfile.native-micro -t " + name + ":" + nativeTag),
                DEPLOYMENT_DOCS + " builds the native image as " + name + ":" + nativeTag);
    }

    /**
     * Knative would move a liveness probe to the serving port, where /q/health/live is 404. Readiness
     * has no period, so that Knative probes it continuously during a cold start. The paths are the
     * Deployment's, which {@link ProbePathsTest} asks the running application.
     */
    @ParameterizedTest
    @ValueSource(strings = { KubernetesManifests.FILES, KubernetesManifests.KUBECTL })
    void knativeProbesStartupAndReadinessOnly(String source) {
        JsonNode container = KubernetesManifests.of(Kustomization.KNATIVE, source).container();
        assertFalse(container.has("livenessProbe"), "a liveness probe");
        assertFalse(container.path("readinessProbe").has("periodSeconds"), "readiness periodSeconds");
        JsonNode deployment = KubernetesManifests.fromResourceFiles(Kustomization.BASE).container();
        for (String probe : probes(Kustomization.KNATIVE)) {
            assertEquals(deployment.path(probe).path("httpGet").path("path"),
                    container.path(probe).path("httpGet").path("path"),
                    probe + " path");
        }
    }

    private static String servingPortName(Kustomization kustomization) {
        return kustomization == Kustomization.BASE ? HTTP : KNATIVE_HTTP;
    }

    private static List<String> probes(Kustomization kustomization) {
        return kustomization == Kustomization.BASE ? List.of("startupProbe", "livenessProbe", "readinessProbe")
                : List.of("startupProbe", "readinessProbe");
    }

    private int poolSize(KubernetesManifests manifests) {
        return Integer.parseInt(podValue(manifests, "quarkus.datasource.reactive.max-size")
                .orElseThrow(() -> new AssertionError("quarkus.datasource.reactive.max-size has no value")));
    }

    /** A port the application listens on in the pod: its environment, else the production configuration. */
    private int applicationPort(KubernetesManifests manifests, String property) {
        return Integer.parseInt(podValue(manifests, property)
                .orElseThrow(() -> new AssertionError(property + " has no value")));
    }

    /** The number of the container port of that name. */
    private static int namedPort(KubernetesManifests manifests, String name) {
        for (JsonNode port : manifests.container().path("ports")) {
            if (name.equals(port.path("name").asText())) {
                return port.path("containerPort").asInt();
            }
        }
        return fail("the container has no port named " + name);
    }

    /** The container port a probe or Service names, by name or by number. */
    private static int containerPort(KubernetesManifests manifests, JsonNode reference) {
        if (reference.isInt()) {
            return reference.asInt();
        }
        for (JsonNode port : manifests.container().path("ports")) {
            if (reference.asText().equals(port.path("name").asText())) {
                return port.path("containerPort").asInt();
            }
        }
        return fail("the container has no port named " + reference.asText());
    }

    /**
     * A property's value in the pod: the container's environment, else application.properties for %prod, else Quarkus' default.
     */
    private Optional<String> podValue(KubernetesManifests manifests, String property) {
        String variable = ConfigProperties.environmentVariable(property);
        Map<String, String> environment = new HashMap<>(configMapEnvironment(manifests));
        manifests.container().path("env").forEach(v -> {
            if (v.has("value")) {
                environment.put(v.path("name").asText(), v.path("value").asText());
            }
        });
        return Optional.ofNullable(environment.get(variable)).or(() -> config.productionValue(property));
    }

    /** The variables the container takes from ConfigMaps of the base through envFrom. */
    private static Map<String, String> configMapEnvironment(KubernetesManifests manifests) {
        Map<String, String> environment = new HashMap<>();
        for (JsonNode source : manifests.container().path("envFrom")) {
            assertFalse(source.has("secretRef"), "envFrom a Secret hides which variables the pod gets; name them under env");
            String name = source.path("configMapRef").path("name").asText();
            JsonNode configMap = manifests.one("v1", "ConfigMap");
            assertEquals(configMap.path("metadata").path("name").asText(), name, "envFrom names the base's ConfigMap");
            configMap.path("data").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        }
        return environment;
    }

    /** The one Secret the workload refers to, in env and in volumes. */
    private static String secretName(KubernetesManifests manifests) {
        List<String> names = new ArrayList<>();
        manifests.container().path("env")
                .forEach(v -> names.add(v.path("valueFrom").path("secretKeyRef").path("name").asText(null)));
        manifests.podSpec().path("volumes").forEach(v -> names.add(v.path("secret").path("secretName").asText(null)));
        List<String> distinct = names.stream().filter(n -> n != null).distinct().toList();
        assertEquals(1, distinct.size(), "the workload refers to exactly one Secret: " + distinct);
        return distinct.get(0);
    }
}
