package io.trackorder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.trackorder.support.ServiceDatabase;

/**
 * The PostgreSQL floor: {@code src/bench/floor.sql} run by {@code pgbench -M prepared}, one copy
 * of the script per permutation, each picked at random per transaction.
 */
final class Pgbench {

    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final String template;
    private final ServiceDatabase database;
    private final String organization;
    private final Path directory;

    Pgbench(Path template, ServiceDatabase database, String organization, Path directory) throws IOException {
        this.template = Files.readString(template);
        this.database = database;
        this.organization = organization;
        this.directory = directory;
    }

    /** Reorders collections c{first}..c{last} with the given permutations for {@code seconds}. */
    Run run(int clients, int seconds, Permutations permutations, int first, int last)
            throws IOException, InterruptedException {
        Path logs = Files.createTempDirectory(directory, "pgbench-log");
        List<String> command = new ArrayList<>(List.of("pgbench", "--no-vacuum", "--protocol=prepared",
                "--client=" + clients, "--jobs=" + Math.min(clients, 2), "--time=" + seconds,
                "--log", "--log-prefix=" + logs.resolve("tx"),
                "--define=org=" + organization, "--define=first=" + first, "--define=last=" + last));
        for (int k = 0; k < permutations.count(); k++) {
            Path script = directory.resolve("floor-" + permutations.size + "-" + k + ".sql");
            Files.writeString(script, template.replace(":perm", ":p" + k));
            command.add("--file=" + script + "@1");
            command.add("--define=p" + k + "=" + permutations.arrayLiteral(k));
        }
        String output = Processes.run(command, database.libpqEnvironment());
        long[] latenciesMicros = latencies(logs);
        long processed = Long.parseLong(find(PROCESSED, output));
        Matcher failed = FAILED.matcher(output);
        long failures = failed.find() ? Long.parseLong(failed.group(1)) : 0;
        double tps = Double.parseDouble(find(TPS, output));
        return new Run(processed, processed / tps, failures,
                percentile(latenciesMicros, 50) / 1e3, percentile(latenciesMicros, 99) / 1e3);
    }

    /** Per-transaction latencies from pgbench's logs: the third field, in microseconds. */
    private static long[] latencies(Path logs) throws IOException {
        List<Long> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.split(" ");
                    if (fields.length > 2 && fields[2].chars().allMatch(Character::isDigit)) {
                        all.add(Long.parseLong(fields[2]));
                    }
                }
                Files.delete(file);
            }
        }
        Files.delete(logs);
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench printed no " + pattern + ":\n" + output);
        }
        return matcher.group(1);
    }
}
