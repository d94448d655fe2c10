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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.trackorder.support.ServiceDatabase;
import io.trackorder.support.ServiceProcess;

/**
 * The reorder benchmark (run it with {@code bash src/bench/run.sh}): the packaged service against
 * four PostgreSQL floors, side by side in one run, printed as Markdown tables with the ratio of
 * the service to the lean floor and the targets.
 */
public final class ReorderBenchmark {

    /** One client reordering a list of {@code size} tracks; target: service / lean floor at most this. */
    record LatencyCase(int size, double target) {
    }

    static final List<LatencyCase> LATENCY_CASES = List.of(new LatencyCase(10, 1.5), new LatencyCase(1_000, 0.7),
            new LatencyCase(10_000, 0.7));
    static final int CLIENTS = 32;
    /** The service's reorders per second over the lean floor's, at least. */
    static final double THROUGHPUT_TARGET = 0.9;
    static final int THROUGHPUT_SIZE = 50;
    static final int FIRST_THROUGHPUT = 1_000_001;
    static final int LAST_THROUGHPUT = 1_000_200;
    /** Before each measurement, for caches and plans; the JIT is warmed up once, at the start. */
    static final int CASE_WARMUP_SECONDS = 2;
    static final int PAGE_LIST_SIZE = 10_000;
    static final int PAGE_OFFSET = 9_000;
    static final int PAGE_READS = 20;
    static final int PAGE_WARMUP_SECONDS = 10;
    static final double PAGE_TARGET_MILLIS = 20;
    static final double RESIDENT_TARGET_MB = 200;
    static final double READY_TARGET_SECONDS = 2;
    static final int RESTARTS = 3;
    /**
     * Recording the order history may make a reorder of this many tracks at most
     * {@code HISTORY_COST_TARGET} slower, and writing its change event at most {@code EVENT_COST_TARGET}.
     */
    static final int RECORDING_COST_SIZE = 1_000;
    static final double HISTORY_COST_TARGET = 1.15;
    static final double EVENT_COST_TARGET = 1.10;
    /** Rounds of the recording costs, each one run of the floors interleaved. */
    static final int RECORDING_ROUNDS = 6;

    private static final Path BENCH = Path.of("src", "bench").toAbsolutePath();

    private final int seconds = intEnvironment("BENCH_SECONDS", 10);
    private final int warmupSeconds = intEnvironment("BENCH_WARMUP_SECONDS", 40);
    /** Only what recording costs, on the floors: a few minutes instead of ten, with no service load. */
    private final boolean recordingOnly = "recording".equals(System.getenv("BENCH_ONLY"));
    private final Path work = Path.of("target", "bench").toAbsolutePath();
    private final Random random = new Random(20261121L);
    private ServiceJvm jvm;

    public static void main(String[] args) throws Exception {
        new ReorderBenchmark().run();
    }

    /** Runs in a database of its own on the server, dropped afterwards. */
    private void run() throws Exception {
        Files.createDirectories(work);
        progress("training the AOT cache, if the service's Java has one");
        // Relative to the project directory, where the service runs: the report names no local path.
        jvm = ServiceJvm.fromEnvironment().withAotCache(ServiceProcess.JAR, Path.of("target", "bench", "app.aot"));
        String loadBefore = loadAverage();
        try (ServiceDatabase server = openDatabase()) {
            ServiceDatabase database = server.database("bench_" + ProcessHandle.current().pid());
            execute(server, "CREATE DATABASE " + database.database);
            try {
                List<String> report = measure(database);
                report.add(0, (recordingOnly ? "Only the cost of recording (BENCH_ONLY=recording).\n\n" : "")
                        + header(database, loadBefore));
                String text = String.join("\n", report) + "\n";
                Files.writeString(work.resolve("results.md"), text);
                System.out.print("\n" + text);
            } finally {
                execute(server, "DROP DATABASE IF EXISTS " + database.database + " WITH (FORCE)");
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

    private List<String> measure(ServiceDatabase database) throws Exception {
        String adminToken = UUID.randomUUID().toString();
        List<String> report = new ArrayList<>();
        try (ServiceProcess service = ServiceProcess.start(jvm.java(), ServiceProcess.JAR, jvm.options(), database,
                adminToken, work.resolve("service.log"))) {
            String organization = "org_bench_" + System.currentTimeMillis();
            String user = "usr_bench";
            String apiKey = issueApiKey(service.port, adminToken, organization, user);
            progress("seeding");
            BenchData.seed(database, organization, user, LATENCY_CASES.stream().map(LatencyCase::size).toList(),
                    FIRST_THROUGHPUT, LAST_THROUGHPUT, THROUGHPUT_SIZE, BENCH.resolve("floor-lean.sql"));
            Wrk wrk = new Wrk(BENCH.resolve("reorder.lua"), apiKey, service.port, organization);
            Path leanScript = BENCH.resolve("floor-lean-reorder.sql");
            Floor lean = new Floor("lean", leanScript, "bench_lean", "bench_lean.list_items", database, organization,
                    work);
            Floor ownSchema = new Floor("own-schema", BENCH.resolve("floor.sql"), null, "collection_tracks", database,
                    organization, work);
            Floor hot = new Floor("HOT", leanScript, "bench_hot", "bench_hot.list_items", database, organization, work);
            Floor withHistory = new Floor("own-schema + history", BENCH.resolve("floor-history.sql"), null,
                    "collection_tracks", database, organization, work);
            Floor withEvent = new Floor("own-schema + history + event", BENCH.resolve("floor-outbox.sql"), null,
                    "collection_tracks", database, organization, work);
            if (recordingOnly) {
                report.addAll(recordingCost(ownSchema, withHistory, withEvent));
                return report;
            }
            report.addAll(compare(database, wrk, List.of(lean, ownSchema, hot, withEvent)));
            report.addAll(recordingCost(ownSchema, withHistory, withEvent));
            report.addAll(afterwards(service, apiKey, organization));
        }
        report.add(startUp(database, adminToken));
        return report;
    }

    /**
     * Starts again on the database the first one migrated, as a restart or a new replica finds it:
     * {@value #RESTARTS} starts, the median reported. A checkpoint first writes out what the load
     * left dirty, so that PostgreSQL doing so does not compete with the starts for the CPU.
     */
    private String startUp(ServiceDatabase database, String adminToken) throws Exception {
        progress("start-up on the migrated database");
        execute(database, "CHECKPOINT");
        record Start(double secondsToReady, double reportedSeconds) {
        }
        List<Start> starts = new ArrayList<>();
        for (int i = 0; i < RESTARTS; i++) {
            try (ServiceProcess again = ServiceProcess.start(jvm.java(), ServiceProcess.JAR, jvm.options(), database,
                    adminToken, work.resolve("restart.log"))) {
                starts.add(new Start(again.secondsToReady, again.reportedStartSeconds()));
            }
        }
        String each = starts.stream().map(start -> String.format(Locale.ROOT, "%.2f", start.secondsToReady()))
                .collect(Collectors.joining(", "));
        starts.sort(Comparator.comparingDouble(Start::secondsToReady));
        Start median = starts.get(RESTARTS / 2);
        return row(String.format(Locale.ROOT,
                "process start to first ready probe, migrated database, median of %d starts (%s s; Quarkus: started in %.3f s)",
                RESTARTS, each, median.reportedSeconds()),
                String.format(Locale.ROOT, "%.2f s", median.secondsToReady()),
                String.format(Locale.ROOT, "≤ %.0f s", READY_TARGET_SECONDS),
                median.secondsToReady() <= READY_TARGET_SECONDS);
    }

    /**
     * Every case on every side, one side after the other, and each side's HOT share over all of
     * them. The ratios are against the first floor; the last one writes all that a service reorder
     * writes, so its throughput is what that work costs PostgreSQL alone.
     */
    private List<String> compare(ServiceDatabase database, Wrk service, List<Floor> floors) throws Exception {
        List<Side> sides = new ArrayList<>(List.of(service));
        sides.addAll(floors);
        Floor lean = floors.get(0);
        Map<Side, Updates> written = new LinkedHashMap<>();
        Permutations fifty = Permutations.of(THROUGHPUT_SIZE, random, work);
        progress("warming up the service (JIT), " + warmupSeconds + " s");
        service.run(8, warmupSeconds, fifty, FIRST_THROUGHPUT, LAST_THROUGHPUT);

        List<String> lines = new ArrayList<>(List.of("",
                "| one client, N tracks | service mean / p50 | non-2xx | " + columns(floors)
                        + " | ratio mean / p50 | target | |",
                "|---:|---:|---:|" + "---:|".repeat(floors.size()) + "---:|---:|---|"));
        for (LatencyCase latency : LATENCY_CASES) {
            progress("latency, N = " + latency.size);
            Permutations orders = Permutations.of(latency.size, random, work);
            Map<Side, Run> runs = measureCase(database, sides, written, 1, orders, latency.size, latency.size);
            Run ours = runs.get(service);
            double meanRatio = ours.meanMillis() / runs.get(lean).meanMillis();
            double p50Ratio = ours.p50Millis() / runs.get(lean).p50Millis();
            lines.add(String.format(Locale.ROOT, "| %,d | %s | %d | %s | %.2f / %.2f | ≤ %.1f | %s |", latency.size,
                    millis(ours), ours.failures(), cells(floors, runs, ReorderBenchmark::millis), meanRatio, p50Ratio,
                    latency.target, verdict(ours.failures() == 0 && Math.max(meanRatio, p50Ratio) <= latency.target)));
        }

        lines.addAll(List.of("",
                "| clients, " + THROUGHPUT_SIZE + "-track lists | service reorders/s | non-2xx | " + columns(floors)
                        + " | ratio | target | |",
                "|---:|---:|---:|" + "---:|".repeat(floors.size()) + "---:|---:|---|"));
        progress("throughput, " + CLIENTS + " clients");
        Map<Side, Run> runs = measureCase(database, sides, written, CLIENTS, fifty, FIRST_THROUGHPUT, LAST_THROUGHPUT);
        Run ours = runs.get(service);
        double ratio = ours.perSecond() / runs.get(lean).perSecond();
        lines.add(String.format(Locale.ROOT, "| %d | %,.0f | %d | %s | %.2f | ≥ %.1f | %s |", CLIENTS,
                ours.perSecond(), ours.failures(),
                cells(floors, runs, run -> String.format(Locale.ROOT, "%,.0f", run.perSecond())), ratio,
                THROUGHPUT_TARGET, verdict(ours.failures() == 0 && ratio >= THROUGHPUT_TARGET)));

        Floor whole = floors.get(floors.size() - 1);
        double wholeShare = runs.get(whole).perSecond() / runs.get(lean).perSecond();
        lines.add(String.format(Locale.ROOT, "\nThe service's whole work done by PostgreSQL alone (the %s) reaches %.2f"
                + " of the lean floor's reorders per second at %d clients; the service reaches %.2f of the %s.",
                whole.name(), wholeShare, CLIENTS, ours.perSecond() / runs.get(whole).perSecond(), whole.name()));

        StringBuilder hot = new StringBuilder(
                "\nHOT share of the member rows updated in these runs (n_tup_hot_upd / n_tup_upd):");
        written.forEach((side, updates) -> hot.append(String.format(Locale.ROOT, " %s %.1f %% of %,d;", side.name(),
                100 * updates.hotShare(), updates.all())));
        lines.add(hot.substring(0, hot.length() - 1) + ".");
        return lines;
    }

    /**
     * What recording costs: the own-schema floor, the same with the history, and with the history
     * and the change event, one client, in rounds that interleave them transaction by transaction
     * ({@link Floor#interleaved}), so that a shared machine whose speed drifts during the run weighs
     * on all alike. Each cost is the median of the rounds' ratios of one floor over the one before it.
     */
    private List<String> recordingCost(Floor plain, Floor withHistory, Floor withEvent) throws Exception {
        List<Floor> floors = List.of(plain, withHistory, withEvent);
        List<String> lines = new ArrayList<>(List.of("",
                "| one client, N tracks | " + columns(floors) + " (median rounds) | history cost, median of "
                        + RECORDING_ROUNDS + " rounds (mean / p50) | rounds' range | target | event cost (mean / p50)"
                        + " | rounds' range | target |",
                "|---:|" + "---:|".repeat(floors.size()) + "---:|---:|---|---:|---:|---|"));
        for (LatencyCase latency : LATENCY_CASES) {
            progress("recording cost, N = " + latency.size + ", " + RECORDING_ROUNDS + " rounds of " + seconds
                    + " s");
            Permutations orders = Permutations.of(latency.size, random, work);
            Map<Floor, List<Run>> runs = new LinkedHashMap<>();
            for (Floor floor : floors) {
                floor.run(1, CASE_WARMUP_SECONDS, orders, latency.size, latency.size);
                runs.put(floor, new ArrayList<>());
            }
            for (int round = 0; round < RECORDING_ROUNDS; round++) {
                List<Run> results = Floor.interleaved(floors, 1, seconds, orders, latency.size, latency.size);
                for (int i = 0; i < floors.size(); i++) {
                    runs.get(floors.get(i)).add(results.get(i));
                }
            }
            boolean target = latency.size == RECORDING_COST_SIZE;
            lines.add(String.format(Locale.ROOT, "| %,d | %s | %s | %s |", latency.size,
                    cells(floors, floor -> String.format(Locale.ROOT, "%.2f / %.2f ms",
                            median(runs.get(floor), Run::meanMillis), median(runs.get(floor), Run::p50Millis))),
                    cost(runs.get(withHistory), runs.get(plain), target ? HISTORY_COST_TARGET : 0),
                    cost(runs.get(withEvent), runs.get(withHistory), target ? EVENT_COST_TARGET : 0)));
        }
        return lines;
    }

    /** Three cells: the median cost of {@code with} over {@code without}, its range, and the target if any (not 0). */
    private static String cost(List<Run> with, List<Run> without, double target) {
        double[] meanRatios = ratios(with, without, Run::meanMillis);
        double mean = median(meanRatios);
        double p50 = median(ratios(with, without, Run::p50Millis));
        return String.format(Locale.ROOT, "%+.0f %% / %+.0f %% | %+.0f … %+.0f %% | %s", 100 * (mean - 1),
                100 * (p50 - 1), 100 * (meanRatios[0] - 1), 100 * (meanRatios[meanRatios.length - 1] - 1),
                target == 0 ? ""
                        : String.format(Locale.ROOT, "≤ %+.0f %% %s", 100 * (target - 1),
                                verdict(Math.max(mean, p50) <= target)));
    }

    /** Round by round, {@code with} over {@code without}, sorted. */
    private static double[] ratios(List<Run> with, List<Run> without, ToDoubleFunction<Run> of) {
        double[] ratios = new double[with.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = of.applyAsDouble(with.get(i)) / of.applyAsDouble(without.get(i));
        }
        Arrays.sort(ratios);
        return ratios;
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> of) {
        double[] values = runs.stream().mapToDouble(of).sorted().toArray();
        return median(values);
    }

    /** Of sorted values. */
    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Each side in turn: a short warm-up, the measurement, and the member rows it updated. */
    private Map<Side, Run> measureCase(ServiceDatabase database, List<Side> sides, Map<Side, Updates> written,
            int clients, Permutations orders, int first, int last) throws Exception {
        Map<Side, Run> runs = new LinkedHashMap<>();
        for (Side side : sides) {
            Updates before = Updates.of(database, side.membersTable());
            side.run(clients, CASE_WARMUP_SECONDS, orders, first, last);
            runs.put(side, side.run(clients, seconds, orders, first, last));
            side.awaitStatistics();
            written.merge(side, Updates.of(database, side.membersTable()).minus(before), Updates::plus);
        }
        return runs;
    }

    /** What is measured once the load is over: a deep page of a big list and memory. */
    private List<String> afterwards(ServiceProcess service, String apiKey, String organization) throws Exception {
        progress("member page at offset " + PAGE_OFFSET);
        double[][] page = memberPageMillis(service.port, apiKey, organization);
        double[] resident = service.residentMiB();
        double residentMb = resident[0] * 1.048576;
        return List.of("", "| after the load | measured | target | |", "|---|---:|---:|---|",
                String.format(Locale.ROOT,
                        "| member page at offset %,d of %,d tracks, first reads after the load (median of %d; slowest) "
                                + "| %.1f ms (%.1f) | | |",
                        PAGE_OFFSET, PAGE_LIST_SIZE, PAGE_READS, page[0][0], page[0][1]),
                row(String.format(Locale.ROOT, "the same page after %d s of reading it (median of %d; slowest)",
                        PAGE_WARMUP_SECONDS, PAGE_READS),
                        String.format(Locale.ROOT, "%.1f ms (%.1f)", page[1][0], page[1][1]),
                        String.format(Locale.ROOT, "≤ %.0f ms", PAGE_TARGET_MILLIS), page[1][0] <= PAGE_TARGET_MILLIS),
                row(String.format(Locale.ROOT, "service RSS after the benchmark (peak %.0f MiB)", resident[1]),
                        String.format(Locale.ROOT, "%.0f MiB = %.0f MB", resident[0], residentMb),
                        String.format(Locale.ROOT, "≤ %.0f MB", RESIDENT_TARGET_MB), residentMb <= RESIDENT_TARGET_MB));
    }

    private static String row(String what, String measured, String target, boolean met) {
        return "| " + what + " | " + measured + " | " + target + " | " + verdict(met) + " |";
    }

    /**
     * One member page read by one client: the median and the slowest of {@link #PAGE_READS} reads
     * right after the load (after 5 unmeasured ones), then the same after {@link #PAGE_WARMUP_SECONDS}
     * of reading it. The load warmed only the reorder's code up; the second pair is the read as
     * a service that serves pages runs it, measured as the reorders are, after its own warm-up.
     */
    private static double[][] memberPageMillis(int port, String apiKey, String organization)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI page = URI.create("http://127.0.0.1:" + port + "/v1/music/" + organization + "/collections/c"
                + PAGE_LIST_SIZE + "/tracks?offset=" + PAGE_OFFSET);
        HttpRequest request = HttpRequest.newBuilder(page).header("X-API-Key", apiKey).build();
        read(http, request, 5);
        double[] first = read(http, request, PAGE_READS);
        long warmUntil = System.nanoTime() + PAGE_WARMUP_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            read(http, request, 1);
        }
        double[] warm = read(http, request, PAGE_READS);
        return new double[][] { { first[PAGE_READS / 2], first[PAGE_READS - 1] },
                { warm[PAGE_READS / 2], warm[PAGE_READS - 1] } };
    }

    /** The times of {@code count} reads in milliseconds, sorted. */
    private static double[] read(HttpClient http, HttpRequest request, int count) throws IOException, InterruptedException {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("member page: HTTP " + response.statusCode());
            }
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static String cells(List<Floor> floors, Function<Floor, String> cell) {
        return String.join(" | ", floors.stream().map(cell).toList());
    }

    private static String columns(List<Floor> floors) {
        return String.join(" | ", floors.stream().map(Floor::name).toList());
    }

    private static String cells(List<Floor> floors, Map<Side, Run> runs, Function<Run, String> cell) {
        return String.join(" | ", floors.stream().map(floor -> cell.apply(runs.get(floor))).toList());
    }

    private static String millis(Run run) {
        return String.format(Locale.ROOT, "%.2f / %.2f ms", run.meanMillis(), run.p50Millis());
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }

    private String header(ServiceDatabase database, String loadBefore) throws SQLException, IOException {
        String postgres;
        try (Connection connection = database.connect();
                ResultSet version = connection.createStatement().executeQuery("SHOW server_version")) {
            version.next();
            postgres = version.getString(1);
        }
        return String.format(Locale.ROOT,
                "Reorder benchmark: %s, %d cores, the service on %s; PostgreSQL %s, %s. %d s per measurement,"
                        + " each after %d s of warm-up, the service's JIT warmed up for %d s first."
                        + " Load average before %s, after %s.\n\n"
                        + "Floors, run by `pgbench -M prepared` with `enable_nestloop=off`: **lean** (a table of the"
                        + " order alone, unique deferrable position), **own-schema** (the service's tables), **HOT**"
                        + " (the lean table, position not indexed, fillfactor 70), **own-schema + history + event**"
                        + " (own-schema also recording the order history and writing the change event to the outbox,"
                        + " as the service does). Latencies are mean / p50; ratios are service / lean floor. What"
                        + " recording costs: own-schema against **own-schema + history** and own-schema + history +"
                        + " event, in rounds of one measurement that interleave them transaction by transaction.",
                cpuModel(), Runtime.getRuntime().availableProcessors(), jvm.describe(), postgres, database.description, seconds,
                CASE_WARMUP_SECONDS,
                warmupSeconds, loadBefore, loadAverage());
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return String.join(" ", fields[0], fields[1], fields[2]);
    }

    private static String cpuModel() throws IOException {
        Matcher model = Pattern.compile("model name\\s*:\\s*(.+)").matcher(Files.readString(Path.of("/proc/cpuinfo")));
        return model.find() ? model.group(1).trim() : System.getProperty("os.arch");
    }

    private static void execute(ServiceDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
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
