package io.trackorder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM the benchmark runs the service on, as the JVM image runs it: the image's Java (or the one
 * of {@code BENCH_SERVICE_JAVA_HOME}), its {@code JAVA_OPTS} (or {@code BENCH_JAVA_OPTS}), and, on
 * Java 25 or later, an AOT cache made by the same training run as the image's.
 */
record ServiceJvm(Path java, int feature, List<String> options) {

    private static final Path DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile.jvm");
    private static final Path TRAINING = Path.of("src", "main", "docker", "train-aot-cache.sh");

    static ServiceJvm fromEnvironment() throws IOException, InterruptedException {
        String home = System.getenv("BENCH_SERVICE_JAVA_HOME");
        Path java = Path.of(home == null || home.isBlank() ? System.getProperty("java.home") : home, "bin", "java");
        return new ServiceJvm(java, featureVersion(java), imageOptions());
    }

    /**
     * On Java 25 or later, these options plus an AOT cache trained as the image trains it, by
     * {@code src/main/docker/train-aot-cache.sh}. On older Java, these options.
     */
    ServiceJvm withAotCache(Path jar, Path cache) throws IOException, InterruptedException {
        if (feature < 25) {
            return this;
        }
        Files.deleteIfExists(cache);
        ProcessBuilder builder = new ProcessBuilder("bash", TRAINING.toString(), cache.toString(), jar.toString())
                .redirectErrorStream(true).redirectOutput(cache.resolveSibling("aot-training.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_"));
        builder.environment().put("JAVA", java.toString());
        builder.environment().put("JAVA_OPTS", String.join(" ", options));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("The AOT training run failed; see aot-training.log");
        }
        List<String> withCache = new ArrayList<>(options);
        withCache.add("-XX:AOTCache=" + cache);
        return new ServiceJvm(java, feature, withCache);
    }

    String describe() {
        return "Java " + feature + " (" + String.join(" ", options) + ")";
    }

    private static List<String> imageOptions() throws IOException {
        String options = System.getenv("BENCH_JAVA_OPTS");
        if (options == null) {
            Matcher image = Pattern.compile("\\bJAVA_OPTS=\"([^\"]*)\"").matcher(Files.readString(DOCKERFILE));
            if (!image.find()) {
                throw new IllegalStateException("Dockerfile.jvm sets no JAVA_OPTS");
            }
            options = image.group(1);
        }
        return options.isBlank() ? List.of() : Arrays.asList(options.trim().split("\\s+"));
    }

    /** The feature version ({@code 17}, {@code 25}) that {@code java -version} reports. */
    private static int featureVersion(Path java) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        Matcher version = Pattern.compile("version \"(\\d+)").matcher(output);
        if (!version.find()) {
            throw new IllegalStateException(java + " -version said: " + output);
        }
        return Integer.parseInt(version.group(1));
    }
}
