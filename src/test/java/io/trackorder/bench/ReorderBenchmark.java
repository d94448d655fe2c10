package io.trackorder.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.trackorder.support.ServiceDatabase;
import io.trackorder.support.ServiceProcess;

/**
 * The reorder benchmark (run it with {@code bash src/bench/run.sh}): the packaged service against
 * the PostgreSQL floor, side by side in one run, printed as Markdown tables.
 */
public final class ReorderBenchmark {

    static final List<Integer> LATENCY_SIZES = List.of(10, 100, 1_000, 10_000);
    static final List<Integer> CLIENTS = List.of(1, 8, 32, 64);
    static final int THROUGHPUT_SIZE = 50;
    static final int FIRST_THROUGHPUT = 1_000_001;
    static final int LAST_THROUGHPUT = 1_000_200;
    /** The JVM options the JVM image uses in production (with MALLOC_ARENA_MAX=2, see ServiceProcess). */
    static final String DEFAULT_JAVA_OPTIONS = "-XX:+UseSerialGC -Xmx64m -XX:ReservedCodeCacheSize=48m";

    private final int seconds = intEnvironment("BENCH_SECONDS", 10);
    private final int warmupSeconds = intEnvironment("BENCH_WARMUP_SECONDS", 5);
    private final Path work = Path.of("target", "bench").toAbsolutePath();
    private final Random random = new Random(20261121L);

    public static void main(String[] args) throws Exception {
        new ReorderBenchmark().run();
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        String javaOptions = System.getenv().getOrDefault("BENCH_JAVA_OPTS", DEFAULT_JAVA_OPTIONS);
        try (ServiceDatabase database = openDatabase()) {
            String adminToken = UUID.randomUUID().toString();
            ServiceProcess service = ServiceProcess.start(ServiceProcess.JAR,
                    javaOptions.isBlank() ? List.of() : Arrays.asList(javaOptions.trim().split("\\s+")),
                    database, adminToken, work.resolve("service.log"));
            try (service) {
                String organization = "org_bench_" + System.currentTimeMillis();
                String user = "usr_bench";
                String apiKey = issueApiKey(service.port, adminToken, organization, user);
                BenchData.seed(database, organization, user, LATENCY_SIZES, FIRST_THROUGHPUT, LAST_THROUGHPUT,
                        THROUGHPUT_SIZE);
                Wrk wrk = new Wrk(Path.of("src", "bench", "reorder.lua").toAbsolutePath(), apiKey, service.port,
                        organization);
                Pgbench pgbench = new Pgbench(Path.of("src", "bench", "floor.sql"), database, organization, work);
                List<String> report = new ArrayList<>();
                report.add(header(database, javaOptions));
                report.addAll(measure(wrk, pgbench));
                double[] resident = service.residentMiB();
                report.add(String.format(Locale.ROOT,
                        "Service start to ready: %.2f s (Quarkus: started in %.3f s). RSS after the benchmark: %.0f MiB (peak %.0f MiB).",
                        service.secondsToReady, service.reportedStartSeconds(), resident[0], resident[1]));
                String text = String.join("\n", report) + "\n";
                Files.writeString(work.resolve("results.md"), text);
                System.out.print("\n" + text);
            }
        }
    }

    /**
     * The server named by {@code BENCH_DATABASE_URL} ({@code postgresql://user:password@host:port/database}),
     * or else an embedded one.
     */
    private static ServiceDatabase openDatabase() throws IOException {
        String url = System.getenv("BENCH_DATABASE_URL");
        return url == null || url.isBlank() ? ServiceDatabase.embedded() : ServiceDatabase.at(URI.create(url));
    }

    private List<String> measure(Wrk wrk, Pgbench pgbench) throws Exception {
        Permutations fifty = Permutations.of(THROUGHPUT_SIZE, random, work);
        progress("warming up the service (JIT)");
        wrk.run(8, 3 * warmupSeconds, fifty.bodies, FIRST_THROUGHPUT, LAST_THROUGHPUT);

        List<String> lines = new ArrayList<>(List.of("",
                "| one client, N tracks | service p50 | service p99 | floor p50 | floor p99 | ratio p50 | ratio p99 |",
                "|---:|---:|---:|---:|---:|---:|---:|"));
        for (int size : LATENCY_SIZES) {
            Permutations orders = Permutations.of(size, random, work);
            progress("latency, N = " + size);
            wrk.run(1, warmupSeconds, orders.bodies, size, size);
            Run service = requireNoFailures(wrk.run(1, seconds, orders.bodies, size, size), "service");
            pgbench.run(1, warmupSeconds, orders, size, size);
            Run floor = requireNoFailures(pgbench.run(1, seconds, orders, size, size), "floor");
            lines.add(String.format(Locale.ROOT, "| %,d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f | %.2f |", size,
                    service.p50Millis(), service.p99Millis(), floor.p50Millis(), floor.p99Millis(),
                    service.p50Millis() / floor.p50Millis(), service.p99Millis() / floor.p99Millis()));
        }

        lines.addAll(List.of("",
                "| clients, " + THROUGHPUT_SIZE + "-track lists | service reorders/s | non-2xx | floor reorders/s | ratio |",
                "|---:|---:|---:|---:|---:|"));
        for (int clients : CLIENTS) {
            progress("throughput, " + clients + " clients");
            Run service = requireNoFailures(
                    wrk.run(clients, seconds, fifty.bodies, FIRST_THROUGHPUT, LAST_THROUGHPUT), "service");
            Run floor = requireNoFailures(pgbench.run(clients, seconds, fifty, FIRST_THROUGHPUT, LAST_THROUGHPUT),
                    "floor");
            lines.add(String.format(Locale.ROOT, "| %d | %,.0f | %d | %,.0f | %.2f |", clients, service.perSecond(),
                    service.failures(), floor.perSecond(), service.perSecond() / floor.perSecond()));
        }
        lines.add("");
        return lines;
    }

    private static Run requireNoFailures(Run run, String what) {
        if (run.failures() > 0) {
            throw new IllegalStateException(what + ": " + run.failures() + " failed calls");
        }
        return run;
    }

    private String header(ServiceDatabase database, String javaOptions) throws SQLException, IOException {
        String postgres;
        try (Connection connection = database.connect();
                ResultSet version = connection.createStatement().executeQuery("SHOW server_version")) {
            version.next();
            postgres = version.getString(1);
        }
        return String.format(Locale.ROOT,
                "Reorder benchmark: %s, %d cores, Java %s%s; PostgreSQL %s, %s; %d s per measurement after %d s warm-up.",
                cpuModel(), Runtime.getRuntime().availableProcessors(), Runtime.version(),
                javaOptions.isBlank() ? "" : " (" + javaOptions.trim() + ")", postgres, database.description, seconds,
                warmupSeconds);
    }

    private static String cpuModel() throws IOException {
        Matcher model = Pattern.compile("model name\\s*:\\s*(.+)").matcher(Files.readString(Path.of("/proc/cpuinfo")));
        return model.find() ? model.group(1).trim() : System.getProperty("os.arch");
    }

    private static String issueApiKey(int port, String adminToken, String organization, String user)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/api-keys"))
                .header("X-Admin-Token", adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"organization_id\":\"" + organization
                        + "\",\"user_id\":\"" + user + "\",\"name\":\"benchmark\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        Matcher key = Pattern.compile("\"api_key\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 201 || !key.find()) {
            throw new IllegalStateException("Could not issue an API key: HTTP " + response.statusCode());
        }
        return key.group(1);
    }

    private static int intEnvironment(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static void progress(String step) {
        System.out.println("== " + step);
    }
}
