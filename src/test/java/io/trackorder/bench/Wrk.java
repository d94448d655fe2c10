package io.trackorder.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP load with wrk, driven by {@code src/bench/reorder.lua}. */
final class Wrk {

    private static final Pattern RESULT = Pattern.compile(
            "RESULT requests=(\\d+) duration_us=(\\d+) non2xx=(\\d+) socket_errors=(\\d+) p50_us=(\\d+) p99_us=(\\d+)");

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

    /** Reorders collections c{first}..c{last} with bodies from {@code bodies} for {@code seconds}. */
    Run run(int clients, int seconds, Path bodies, int first, int last) throws IOException, InterruptedException {
        String output = Processes.run(List.of("wrk", "--threads", String.valueOf(Math.min(clients, 2)),
                "--connections", String.valueOf(clients), "--duration", seconds + "s", "--timeout", "30s",
                "--script", script.toString(), baseUrl, "--",
                bodies.toString(), apiKey, collectionsPath, String.valueOf(first), String.valueOf(last)), null);
        Matcher result = RESULT.matcher(output);
        if (!result.find()) {
            throw new IllegalStateException("wrk printed no result:\n" + output);
        }
        long requests = Long.parseLong(result.group(1));
        long failures = Long.parseLong(result.group(3)) + Long.parseLong(result.group(4));
        return new Run(requests, Long.parseLong(result.group(2)) / 1e6, failures,
                Long.parseLong(result.group(5)) / 1e3, Long.parseLong(result.group(6)) / 1e3);
    }
}
