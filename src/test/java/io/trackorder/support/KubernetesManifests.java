package io.trackorder.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Kubernetes objects of one kustomization in {@code src/main/kubernetes}: either as its
 * resource files hold them, or as {@code kubectl kustomize} renders them.
 */
public final class KubernetesManifests {

    /** Everything Kubernetes: the base, the ConfigMap it shares, the Knative overlay, the migration Job. */
    public static final Path MANIFESTS = Path.of("src", "main", "kubernetes");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A directory that {@code kubectl apply -k} deploys, and the object that runs the application's pods. */
    public enum Kustomization {
        /** A Deployment with a Service in front. */
        BASE(MANIFESTS, "apps/v1", "Deployment"),
        /** The native image as a Knative Service. */
        KNATIVE(MANIFESTS.resolve("knative"), "serving.knative.dev/v1", "Service"),
        /** The schema migrations as a one-shot Job, for instances started without them. */
        MIGRATE(MANIFESTS.resolve("migrate"), "batch/v1", "Job");

        private final Path directory;
        private final String workloadApiVersion;
        private final String workloadKind;

        Kustomization(Path directory, String workloadApiVersion, String workloadKind) {
            this.directory = directory;
            this.workloadApiVersion = workloadApiVersion;
            this.workloadKind = workloadKind;
        }

        public Path directory() {
            return directory;
        }

        /** Its kustomization.yaml. */
        public JsonNode file() {
            return KubernetesManifests.kustomizationIn(directory);
        }
    }

    private final Kustomization kustomization;
    private final String source;
    private final List<JsonNode> objects;

    private KubernetesManifests(Kustomization kustomization, String source, List<JsonNode> objects) {
        this.kustomization = kustomization;
        this.source = kustomization.directory() + ", " + source;
        this.objects = objects;
    }

    /** A source of manifests for {@link #of}: the resource files as written. */
    public static final String FILES = "files";
    /** A source of manifests for {@link #of}: what kubectl renders. */
    public static final String KUBECTL = "kubectl kustomize";

    /**
     * The manifests from {@link #FILES} or {@link #KUBECTL}; a test of the rendered ones is skipped
     * where kubectl is missing.
     */
    public static KubernetesManifests of(Kustomization kustomization, String source) {
        if (FILES.equals(source)) {
            return fromResourceFiles(kustomization);
        }
        Optional<KubernetesManifests> rendered = renderedByKubectl(kustomization);
        Assumptions.assumeTrue(rendered.isPresent(),
                "kubectl is not on the PATH: the rendered manifests are not checked (CI installs kubectl)");
        return rendered.get();
    }

    /**
     * The objects of the files that kustomization.yaml lists under {@code resources}, and of the
     * kustomizations it lists there or under {@code bases}, as written (no transformation applied).
     */
    public static KubernetesManifests fromResourceFiles(Kustomization kustomization) {
        return new KubernetesManifests(kustomization, "the resource files", resourceObjects(kustomization.directory()));
    }

    /** What {@code kubectl kustomize} renders, or empty when kubectl is not on the PATH. */
    public static Optional<KubernetesManifests> renderedByKubectl(Kustomization kustomization) {
        Optional<Path> kubectl = onPath("kubectl");
        if (kubectl.isEmpty()) {
            return Optional.empty();
        }
        Path directory = kustomization.directory();
        try {
            // Its error output goes into the failure message; warnings (such as a deprecated field
            // kept for older kubectl versions) are dropped with it when kubectl succeeds.
            Path errors = Files.createTempFile("kubectl-kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", directory.toString())
                        .redirectError(errors.toFile()).start();
                List<JsonNode> objects;
                try (InputStream out = process.getInputStream()) {
                    objects = read(out);
                }
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + directory + " failed: " + Files.readString(errors));
                }
                return Optional.of(new KubernetesManifests(kustomization, "kubectl kustomize", objects));
            } finally {
                Files.delete(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every YAML document of every file under src/main/kubernetes, whether a kustomization lists it or not. */
    public static List<JsonNode> everyDocument() {
        try (Stream<Path> files = Files.walk(MANIFESTS)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .flatMap(f -> documents(f).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<JsonNode> objects() {
        return objects;
    }

    /** The one object of this API version and kind (fails if there is none or more than one). */
    public JsonNode one(String apiVersion, String kind) {
        List<JsonNode> matching = objects.stream()
                .filter(o -> apiVersion.equals(o.path("apiVersion").asText()) && kind.equals(o.path("kind").asText()))
                .toList();
        if (matching.size() != 1) {
            throw new AssertionError(source + ": expected one " + apiVersion + " " + kind + ", found " + matching.size());
        }
        return matching.get(0);
    }

    /** The object that runs the application's pods: the Deployment, the Knative Service or the Job. */
    public JsonNode workload() {
        return one(kustomization.workloadApiVersion, kustomization.workloadKind);
    }

    /** The workload's pod template spec (for Knative, the revision spec: a pod spec with Knative's fields). */
    public JsonNode podSpec() {
        return workload().path("spec").path("template").path("spec");
    }

    /** The workload's only container. */
    public JsonNode container() {
        JsonNode containers = podSpec().path("containers");
        if (containers.size() != 1) {
            throw new AssertionError(source + ": expected one container, found " + containers.size());
        }
        return containers.get(0);
    }

    @Override
    public String toString() {
        return source;
    }

    private static List<JsonNode> resourceObjects(Path directory) {
        JsonNode kustomization = kustomizationIn(directory);
        List<JsonNode> objects = new ArrayList<>();
        for (String field : List.of("bases", "resources")) {
            for (JsonNode entry : kustomization.path(field)) {
                Path resource = directory.resolve(entry.asText()).normalize();
                objects.addAll(Files.isDirectory(resource) ? resourceObjects(resource) : documents(resource));
            }
        }
        return objects;
    }

    private static JsonNode kustomizationIn(Path directory) {
        return documents(directory.resolve("kustomization.yaml")).get(0);
    }

    private static List<JsonNode> documents(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> read(InputStream yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode> readValues(yaml)) {
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    private static Optional<Path> onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, command);
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
