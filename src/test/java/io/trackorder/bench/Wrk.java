package io.trackorder.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's side: HTTP load with wrk, driven by {@code src/bench/reorder.lua}. */
final class Wrk implements Side {

    private static final Pattern RESULT = Pattern.compile("RESULT requests=(\\d+) duration_us=(\\d+) non2xx=(\\d+)"
            + " socket_errors=(\\d+) mean_us=(\\d+) p50_us=(\\d+) p99_us=(\\d+)");
    /**
     * An idle backend reports the table statistics of its last transactions within 10 s
     * (PostgreSQL 15 and later), and the service's pooled connections stay open.
     */
    private static final long STATISTICS_DELAY_MILLIS = 11_000;

    private final Path script;
    private final String apiKey;
    private final String baseUrl;
    private final String collectionsPath;

    Wrk(Path script, String apiKey, int port, String organization) {
        this.script = script;
        this.apiKey = apiKey;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.collectionsPath = "/v1/music/" + organization + "/collections";
    }

    @Override
    public String name() {
        return "service";
    }

    @Override
    public String membersTable() {
        return "collection_tracks";
    }

    /** Failures are the non-2xx answers and socket errors. */
    @Override
    public Run run(int clients, int seconds, Permutations orders, int first, int last)
            throws IOException, InterruptedException {
        String output = Processes.run(List.of("wrk", "--threads", String.valueOf(Math.min(clients, 2)),
                "--connections", String.valueOf(clients), "--duration", seconds + "s", "--timeout", "30s",
                "--script", script.toString(), baseUrl, "--",
                orders.bodies.toString(), apiKey, collectionsPath, String.valueOf(first), String.valueOf(last)), null);
        Matcher result = RESULT.matcher(output);
        if (!result.find()) {
            throw new IllegalStateException("wrk printed no result:\n" + output);
        }
        long requests = Long.parseLong(result.group(1));
        long failures = Long.parseLong(result.group(3)) + Long.parseLong(result.group(4));
        return new Run(requests, Long.parseLong(result.group(2)) / 1e6, failures,
                millis(result, 5), millis(result, 6), millis(result, 7));
    }

    private static double millis(Matcher result, int microsGroup) {
        return Long.parseLong(result.group(microsGroup)) / 1e3;
    }

    @Override
    public void awaitStatistics() throws InterruptedException {
        Thread.sleep(STATISTICS_DELAY_MILLIS);
    }
}
