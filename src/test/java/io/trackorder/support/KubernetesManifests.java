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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Kubernetes objects of the kustomize base in {@code src/main/kubernetes}, or of another
 * kustomization: either as its resource files hold them, or as {@code kubectl kustomize} renders them.
 */
public final class KubernetesManifests {

    public static final Path BASE = Path.of("src", "main", "kubernetes");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String source;
    private final List<JsonNode> objects;

    private KubernetesManifests(String source, List<JsonNode> objects) {
        this.source = source;
        this.objects = objects;
    }

    /** The objects of the files that the base's kustomization.yaml lists under {@code resources}. */
    public static KubernetesManifests fromResourceFiles() {
        return fromResourceFiles(BASE);
    }

    /** The objects of the files that the kustomization in {@code directory} lists under {@code resources}. */
    public static KubernetesManifests fromResourceFiles(Path directory) {
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode file : kustomization(directory).path("resources")) {
            objects.addAll(documents(directory.resolve(file.asText())));
        }
        return new KubernetesManifests("the resource files", objects);
    }

    /** What {@code kubectl kustomize} renders of the base, or empty when kubectl is not on the PATH. */
    public static Optional<KubernetesManifests> renderedByKubectl() {
        return renderedByKubectl(BASE);
    }

    /** What {@code kubectl kustomize directory} renders, or empty when kubectl is not on the PATH. */
    public static Optional<KubernetesManifests> renderedByKubectl(Path directory) {
        Optional<Path> kubectl = onPath("kubectl");
        if (kubectl.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", directory.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<JsonNode> objects;
            try (InputStream out = process.getInputStream()) {
                objects = read(out);
            }
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + directory + " failed; its error output is above");
            }
            return Optional.of(new KubernetesManifests("kubectl kustomize", objects));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode kustomization() {
        return kustomization(BASE);
    }

    public static JsonNode kustomization(Path directory) {
        return documents(directory.resolve("kustomization.yaml")).get(0);
    }

    /** Every YAML document of every file in the base directory, whether kustomization lists it or not. */
    public static List<JsonNode> everyDocumentInTheDirectory() {
        try (Stream<Path> files = Files.list(BASE)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .flatMap(f -> documents(f).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<JsonNode> objects() {
        return objects;
    }

    /** The one object of this kind (fails if there is none or more than one). */
    public JsonNode one(String kind) {
        List<JsonNode> ofKind = objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        if (ofKind.size() != 1) {
            throw new AssertionError(source + ": expected one " + kind + ", found " + ofKind.size());
        }
        return ofKind.get(0);
    }

    /** The Deployment's pod spec. */
    public JsonNode podSpec() {
        return one("Deployment").path("spec").path("template").path("spec");
    }

    /** The Deployment's only container. */
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
