package io.trackorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.trackorder.support.ServiceDatabase;
import io.trackorder.support.ServiceProcess;

/**
 * The JVM image's AOT cache training ({@code src/main/docker/train-aot-cache.sh}), run on a Java 25
 * as the image's build runs it, with no database: it succeeds quietly, and a start with the cache
 * it writes, on a real database, takes nearly all its classes from the cache (about 92 %; the rest
 * are the ones only a database connection loads). A training that stopped early, as a run with no
 * database configured does, leaves about half of them out.
 */
class AotCacheTrainingIT {

    private static final Path TRAINING = Path.of("src", "main", "docker", "train-aot-cache.sh");
    private static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx64m");
    private static final String FROM_CACHE = "source: shared objects file";

    @TempDir
    Path work;

    @Test
    void aStartTakesNearlyAllItsClassesFromTheTrainedCache() throws Exception {
        Optional<Path> java = java25();
        assumeTrue(java.isPresent(), "no Java 25 or later here");
        Path cache = work.resolve("app.aot");

        ProcessBuilder builder = new ProcessBuilder("bash", TRAINING.toString(), cache.toString(),
                ServiceProcess.JAR.toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("RABBITMQ_"));
        builder.environment().put("JAVA", java.get().toString());
        builder.environment().put("JAVA_OPTS", String.join(" ", OPTIONS));
        Process training = builder.start();
        String output = new String(training.getInputStream().readAllBytes());
        assertTrue(training.waitFor(5, TimeUnit.MINUTES), "the training ends");
        assertEquals(0, training.exitValue(), output);
        assertTrue(output.isBlank(), "a training that succeeds prints nothing: " + output);
        assertTrue(Files.size(cache) > 0, "the cache is written");

        Path classes = work.resolve("classes.log");
        List<String> options = new ArrayList<>(OPTIONS);
        options.add("-XX:AOTCache=" + cache);
        options.add("-Xlog:class+load=info:file=" + classes);
        try (ServiceDatabase database = ServiceDatabase.fromEnvironmentOrEmbedded();
                ServiceProcess ready = ServiceProcess.start(java.get(), ServiceProcess.JAR, options, database, "",
                        work.resolve("service.log"))) {
            // start() returns once the service is ready, and fails if it is not.
        }
        List<String> loaded = Files.readAllLines(classes);
        long fromCache = loaded.stream().filter(line -> line.contains(FROM_CACHE)).count();
        assertTrue(fromCache >= 0.85 * loaded.size(),
                fromCache + " of the " + loaded.size() + " classes the start loaded came from the cache");
    }

    /** This test's Java if it is 25 or later, or else one under /usr/lib/jvm. */
    private static Optional<Path> java25() throws IOException {
        if (Runtime.version().feature() >= 25) {
            return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> home.getFileName().toString().matches(".*\\b25\\b.*"))
                    .map(home -> home.resolve("bin").resolve("java")).filter(Files::isExecutable).findFirst();
        }
    }
}
