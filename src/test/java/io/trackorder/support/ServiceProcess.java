package io.trackorder.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged service, started as production starts it: {@code java -jar quarkus-run.jar}. */
public final class ServiceProcess implements AutoCloseable {

    /** Where {@code ./mvnw package} puts the application, relative to the project directory. */
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    public final int port;
    /** The management interface's port: health and metrics. */
    public final int managementPort;
    public final double secondsToReady;
    private final Process process;
    private final Path log;

    private ServiceProcess(int port, int managementPort, double secondsToReady, Process process, Path log) {
        this.port = port;
        this.managementPort = managementPort;
        this.secondsToReady = secondsToReady;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the service on a free port, with its management interface on another, and waits until
     * {@code /q/health/ready} answers 200 there.
     */
    public static ServiceProcess start(Path jar, List<String> jvmOptions, ServiceDatabase database, String adminToken,
            Path log) throws IOException, InterruptedException {
        return start(Path.of(System.getProperty("java.home"), "bin", "java"), jar, jvmOptions, database, adminToken,
                log);
    }

    /** As {@link #start(Path, List, ServiceDatabase, String, Path)}, on the JVM of {@code java}. */
    public static ServiceProcess start(Path java, Path jar, List<String> jvmOptions, ServiceDatabase database,
            String adminToken, Path log) throws IOException, InterruptedException {
        int port = freePort();
        int managementPort = freePort();
        ProcessBuilder builder = builder(java, jar, jvmOptions, database, adminToken, log, port, managementPort);
        long started = System.nanoTime();
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                .build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited during start; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notListeningYet) {
                // polled again below
            }
            if (System.nanoTime() - started > Duration.ofSeconds(60).toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException("The service was not ready within 60 s; see " + log);
            }
            Thread.sleep(5);
        }
        return new ServiceProcess(port, managementPort, (System.nanoTime() - started) / 1e9, process, log);
    }

    /**
     * Runs the packaged application as a one-shot job runs it, with {@code environment} added (such as
     * {@code QUARKUS_INIT_AND_EXIT=true}), and waits for it to end: its exit status, or null if it
     * still ran after {@code limit} (it is killed then).
     */
    public static Integer runToExit(Map<String, String> environment, ServiceDatabase database, Path log,
            Duration limit) throws IOException, InterruptedException {
        ProcessBuilder builder = builder(Path.of(System.getProperty("java.home"), "bin", "java"), JAR, List.of(),
                database, "", log, freePort(), freePort());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            return null;
        }
        return process.exitValue();
    }

    /** {@code java -jar} on the given database and ports, its output to {@code log}. */
    private static ProcessBuilder builder(Path java, Path jar, List<String> jvmOptions, ServiceDatabase database,
            String adminToken, Path log, int port, int managementPort) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort),
                "QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl(),
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", database.user,
                "QUARKUS_DATASOURCE_PASSWORD", database.password,
                "MUSIC_ADMIN_TOKEN", adminToken,
                // glibc's default of 8 malloc arenas per core costs resident memory and buys nothing here.
                "MALLOC_ARENA_MAX", "2"));
        return builder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Sends SIGTERM, as Kubernetes and {@code docker stop} do (Process.destroy() on Linux). */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit status, or null while it still runs after {@code limit}. */
    public Integer awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the service wrote to stdout and stderr so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    /** What Quarkus reports as its own start time ("started in 0.9s"), or NaN. */
    public double reportedStartSeconds() throws IOException {
        Matcher matcher = STARTED_IN.matcher(output());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    /** Resident set size now and at its peak, in MiB, from /proc. */
    public double[] residentMiB() throws IOException {
        double now = Double.NaN;
        double peak = Double.NaN;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                now = kibibytes(line) / 1024.0;
            } else if (line.startsWith("VmHWM:")) {
                peak = kibibytes(line) / 1024.0;
            }
        }
        return new double[] { now, peak };
    }

    private static long kibibytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
