package io.trackorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.trackorder.support.ConfigProperties;
import io.trackorder.support.ConfigProperties.Property;
import io.trackorder.support.KubernetesManifests;

/**
 * The kustomize base in src/main/kubernetes agrees with the application's configuration: ports
 * (the public one and the management one), probes, environment variables, shutdown timing, and no secret values in git. Each
 * check runs on
 * the resource files and on what {@code kubectl kustomize} renders (skipped when kubectl is not on
 * the PATH; CI installs it). No cluster is needed. The probe paths are checked against the running
 * application by {@link ProbePathsTest}.
 */
class KubernetesManifestsTest {

    private static final String FILES = "files";
    private static final String KUBECTL = "kubectl kustomize";
    private static final String COMMON_LABEL = "app.kubernetes.io/name";
    private static final String HTTP = "http";
    private static final String MANAGEMENT = "management";

    private final ConfigProperties config = ConfigProperties.load();

    @ParameterizedTest
    @ValueSource(strings = { FILES, KUBECTL })
    void theContainerPortNamedHttpIsTheApplicationsHttpPort(String source) {
        KubernetesManifests manifests = manifests(source);
        assertEquals(applicationPort(manifests, "quarkus.http.port"), namedPort(manifests, HTTP));
    }

    @ParameterizedTest
    @ValueSource(strings = { FILES, KUBECTL })
    void theContainerPortNamedManagementIsTheApplicationsManagementPort(String source) {
        KubernetesManifests manifests = manifests(source);
        assertEquals(applicationPort(manifests, "quarkus.management.port"), namedPort(manifests, MANAGEMENT));
        assertTrue(namedPort(manifests, MANAGEMENT) != namedPort(manifests, HTTP), "two different ports");
    }

    @ParameterizedTest
    @ValueSource(strings = { FILES, KUBECTL })
    void theServiceSendsPort80ToTheHttpPortOfTheDeploymentsPods(String source) {
        KubernetesManifests manifests = manifests(source);
        JsonNode service = manifests.one("Service").path("spec");
        assertEquals("ClusterIP", service.path("type").asText("ClusterIP"));
        assertEquals(1, service.path("ports").size(), "one port");
        JsonNode port = service.path("ports").get(0);
        assertEquals(80, port.path("port").asInt());
        assertEquals(namedPort(manifests, HTTP), containerPort(manifests, port.path("targetPort")),
                "targetPort: the public port only, never the management port");

        JsonNode deployment = manifests.one("Deployment").path("spec");
        JsonNode podLabels = deployment.path("template").path("metadata").path("labels");
        assertEquals(deployment.path("selector").path("matchLabels"), service.path("selector"),
                "the Service selects what the Deployment selects");
        service.path("selector").fields().forEachRemaining(label -> assertEquals(label.getValue(),
                podLabels.path(label.getKey()), "the pods carry the selector's label " + label.getKey()));
    }

    /** Health is served on the management interface only: a probe of the public port would always fail. */
    @ParameterizedTest
    @ValueSource(strings = { FILES, KUBECTL })
    void everyProbeAsksTheManagementPortOverHttp(String source) {
        KubernetesManifests manifests = manifests(source);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode httpGet = manifests.container().path(probe).path("httpGet");
            assertTrue(httpGet.has("path"), probe + " is an HTTP GET");
            assertEquals(MANAGEMENT, httpGet.path("port").asText(), probe + " names the management port");
            assertEquals(applicationPort(manifests, "quarkus.management.port"),
                    containerPort(manifests, httpGet.path("port")), probe + " port");
        }
    }

    /** A misspelt or build-time property in the environment is silently ignored by the application. */
    @ParameterizedTest
    @ValueSource(strings = { FILES, KUBECTL })
    void everyEnvironmentVariableSetsAPropertyTheApplicationReadsAtRunTime(String source) {
        KubernetesManifests manifests = manifests(source);
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

    @ParameterizedTest
    @ValueSource(strings = { FILES, KUBECTL })
    void theGracePeriodOutlastsTheShutdownDelayAndTimeout(String source) {
        KubernetesManifests manifests = manifests(source);
        Duration delay = ConfigProperties.duration(podValue(manifests, "quarkus.shutdown.delay")
                .orElseThrow(() -> new AssertionError("production has no quarkus.shutdown.delay")));
        Duration timeout = ConfigProperties.duration(podValue(manifests, "quarkus.shutdown.timeout")
                .orElseThrow(() -> new AssertionError("production has no quarkus.shutdown.timeout")));
        long grace = manifests.podSpec().path("terminationGracePeriodSeconds").asLong(30);
        assertTrue(Duration.ofSeconds(grace).compareTo(delay.plus(timeout)) > 0,
                "terminationGracePeriodSeconds " + grace + " must exceed delay " + delay + " + timeout " + timeout);
    }

    @ParameterizedTest
    @ValueSource(strings = { FILES, KUBECTL })
    void theJwtPublicKeyLocationIsTheFileMountedFromTheSecret(String source) {
        KubernetesManifests manifests = manifests(source);
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

    @ParameterizedTest
    @ValueSource(strings = { FILES, KUBECTL })
    void everyObjectCarriesTheCommonLabel(String source) {
        for (JsonNode object : manifests(source).objects()) {
            assertEquals("track-ordering-service", object.path("metadata").path("labels").path(COMMON_LABEL).asText(),
                    object.path("kind").asText() + " " + COMMON_LABEL);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { FILES, KUBECTL })
    void theContainerRunsAsNonRootWithAReadOnlyRootFilesystem(String source) {
        KubernetesManifests manifests = manifests(source);
        assertTrue(manifests.podSpec().path("securityContext").path("runAsNonRoot").asBoolean());
        JsonNode security = manifests.container().path("securityContext");
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

    /** Secret values never enter git: the Secret is created by the operator, and the base only refers to it. */
    @Test
    void noSecretValuesAreCommitted() {
        for (JsonNode document : KubernetesManifests.everyDocumentInTheDirectory()) {
            assertFalse("Secret".equals(document.path("kind").asText()),
                    "a Secret is committed: " + document.path("metadata").path("name").asText());
        }
        JsonNode kustomization = KubernetesManifests.kustomization();
        assertFalse(kustomization.has("secretGenerator"), "kustomization.yaml generates a Secret from committed values");
        KubernetesManifests.renderedByKubectl().ifPresent(rendered -> rendered.objects().forEach(object -> assertFalse(
                "Secret".equals(object.path("kind").asText()), "kubectl kustomize renders a Secret")));
        assertFalse(secretName(KubernetesManifests.fromResourceFiles()).isEmpty());
    }

    private static KubernetesManifests manifests(String source) {
        if (FILES.equals(source)) {
            return KubernetesManifests.fromResourceFiles();
        }
        Optional<KubernetesManifests> rendered = KubernetesManifests.renderedByKubectl();
        Assumptions.assumeTrue(rendered.isPresent(),
                "kubectl is not on the PATH: the rendered manifests are not checked (CI installs kubectl)");
        return rendered.get();
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
            JsonNode configMap = manifests.one("ConfigMap");
            assertEquals(configMap.path("metadata").path("name").asText(), name, "envFrom names the base's ConfigMap");
            configMap.path("data").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        }
        return environment;
    }

    /** The one Secret the Deployment refers to, in env and in volumes. */
    private static String secretName(KubernetesManifests manifests) {
        List<String> names = new ArrayList<>();
        manifests.container().path("env")
                .forEach(v -> names.add(v.path("valueFrom").path("secretKeyRef").path("name").asText(null)));
        manifests.podSpec().path("volumes").forEach(v -> names.add(v.path("secret").path("secretName").asText(null)));
        List<String> distinct = names.stream().filter(n -> n != null).distinct().toList();
        assertEquals(1, distinct.size(), "the Deployment refers to exactly one Secret: " + distinct);
        return distinct.get(0);
    }
}
