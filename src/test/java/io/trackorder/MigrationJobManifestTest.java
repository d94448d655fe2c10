package io.trackorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.trackorder.support.KubernetesManifests.Kustomization;

/**
 * The migration Job in src/main/kubernetes/migrate (src/site/markdown/deployment.md, Migrations
 * for short-lived instances) runs the base's image as a one-shot initialization, on the database
 * settings of the base's ConfigMap and Secret, and is no pod of the Service. Each check runs on the
 * resource files and on what {@code kubectl kustomize} renders (skipped without kubectl, as in
 * {@link KubernetesManifestsTest}, which also checks that no Secret is committed). That such a run migrates and exits is
 * {@link SeparateMigrationIT}'s.
 */
class MigrationJobManifestTest {

    private final ConfigProperties config = ConfigProperties.load();

    @ParameterizedTest
    @ValueSource(strings = { KubernetesManifests.FILES, KubernetesManifests.KUBECTL })
    void theJobRunsTheApplicationsInitializationAndExits(String source) {
        JsonNode pod = podSpec(job(source));
        assertEquals("true", variable(environment(container(pod)), "QUARKUS_INIT_AND_EXIT").path("value").asText());
        assertTrue(List.of("Never", "OnFailure").contains(pod.path("restartPolicy").asText()),
                "a Job's pod runs to completion: " + pod.path("restartPolicy"));
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertFalse(container(pod).has(probe), probe + ": the run never serves");
        }
    }

    /** A misspelt or build-time property in the environment is silently ignored by the application. */
    @ParameterizedTest
    @ValueSource(strings = { KubernetesManifests.FILES, KubernetesManifests.KUBECTL })
    void everyEnvironmentVariableSetsAPropertyTheApplicationReadsAtRunTime(String source) {
        for (String name : environment(container(podSpec(job(source)))).keySet()) {
            Optional<Property> property = config.forEnvironmentVariable(name);
            assertTrue(property.isPresent(), name + " names no configuration property of the application");
            assertTrue(property.get().readAtRunTime(), name + " sets " + property.get().name()
                    + ", which is fixed at build time (" + property.get().phase() + ")");
        }
    }

    /** The Job migrates the database the Deployment serves from, as the same database user. */
    @ParameterizedTest
    @ValueSource(strings = { KubernetesManifests.FILES, KubernetesManifests.KUBECTL })
    void theDatabaseSettingsAreTheBasesConfigMapKeysAndSecretKeys(String source) {
        KubernetesManifests base = base(source);
        JsonNode configMap = base.one("v1", "ConfigMap");
        Map<String, JsonNode> deploymentEnvironment = environment(base.container());
        Map<String, JsonNode> jobEnvironment = environment(container(podSpec(job(source))));
        for (String variable : List.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL")) {
            JsonNode reference = variable(jobEnvironment, variable).path("valueFrom").path("configMapKeyRef");
            assertEquals(configMap.path("metadata").path("name").asText(), reference.path("name").asText(), variable);
            assertEquals(variable, reference.path("key").asText(), variable + " is the ConfigMap's key of that name");
            assertTrue(configMap.path("data").has(variable), "the base's ConfigMap has " + variable);
        }
        for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            JsonNode reference = variable(jobEnvironment, variable).path("valueFrom").path("secretKeyRef");
            assertFalse(reference.isMissingNode(), variable + " comes from the Secret");
            assertEquals(variable(deploymentEnvironment, variable).path("valueFrom").path("secretKeyRef"), reference,
                    variable + ": the Deployment's Secret and key");
        }
    }

    @Test
    void theJobRunsTheImageTheDeploymentRuns() {
        assertEquals(Kustomization.BASE.file().path("images"),
                Kustomization.MIGRATE.file().path("images"), "the same image and tag in both kustomizations");
        assertEquals(KubernetesManifests.fromResourceFiles(Kustomization.BASE).container().path("image"),
                container(podSpec(job(KubernetesManifests.FILES))).path("image"));
        Optional<KubernetesManifests> rendered = KubernetesManifests.renderedByKubectl(Kustomization.MIGRATE);
        Assumptions.assumeTrue(rendered.isPresent(), "kubectl is not on the PATH");
        assertEquals(base(KubernetesManifests.KUBECTL).container().path("image").asText(),
                container(podSpec(rendered.get().workload())).path("image").asText());
    }

    /** A pod the Service selects gets requests; this one never listens, and without a probe counts as ready. */
    @ParameterizedTest
    @ValueSource(strings = { KubernetesManifests.FILES, KubernetesManifests.KUBECTL })
    void theServiceDoesNotSelectTheJobsPod(String source) {
        JsonNode selector = base(source).one("v1", "Service").path("spec").path("selector");
        JsonNode podLabels = job(source).path("spec").path("template").path("metadata").path("labels");
        assertFalse(selector.isEmpty());
        List<String> matching = new ArrayList<>();
        selector.fields().forEachRemaining(label -> {
            if (label.getValue().equals(podLabels.path(label.getKey()))) {
                matching.add(label.getKey());
            }
        });
        assertNotEquals(selector.size(), matching.size(), "the Service selects the Job's pod by " + matching);
    }

    @ParameterizedTest
    @ValueSource(strings = { KubernetesManifests.FILES, KubernetesManifests.KUBECTL })
    void theContainerRunsAsNonRootWithAReadOnlyRootFilesystem(String source) {
        JsonNode pod = podSpec(job(source));
        assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean());
        JsonNode security = container(pod).path("securityContext");
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true));
        assertEquals("[\"ALL\"]", security.path("capabilities").path("drop").toString());
        assertTrue(security.path("readOnlyRootFilesystem").asBoolean());
    }

    private static JsonNode job(String source) {
        return KubernetesManifests.of(Kustomization.MIGRATE, source).workload();
    }

    private static KubernetesManifests base(String source) {
        return KubernetesManifests.of(Kustomization.BASE, source);
    }

    private static JsonNode podSpec(JsonNode job) {
        return job.path("spec").path("template").path("spec");
    }

    private static JsonNode container(JsonNode podSpec) {
        JsonNode containers = podSpec.path("containers");
        assertEquals(1, containers.size(), "one container");
        return containers.get(0);
    }

    /** A container's env entries by name. */
    private static Map<String, JsonNode> environment(JsonNode container) {
        Map<String, JsonNode> byName = new HashMap<>();
        container.path("env").forEach(variable -> byName.put(variable.path("name").asText(), variable));
        return byName;
    }

    private static JsonNode variable(Map<String, JsonNode> environment, String name) {
        assertTrue(environment.containsKey(name), "the container sets " + name);
        return environment.get(name);
    }
}
