package io.trackorder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.trackorder.support.ServiceDatabase;

/**
 * A PostgreSQL floor: a pgbench script run by {@code pgbench -M prepared}, one copy of the script
 * per permutation, each picked at random per transaction. Nested loops are off, as the service
 * turns them off for its reorder.
 */
final class Floor implements Side {

    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private final String name;
    private final String template;
    private final String membersTable;
    private final Map<String, String> environment;
    private final ServiceDatabase database;
    private final String organization;
    private final Path directory;

    /**
     * @param schema where the script's unqualified tables are, or null for the service's own
     * @param membersTable the table of member rows the script writes
     */
    Floor(String name, Path script, String schema, String membersTable, ServiceDatabase database,
            String organization, Path directory) throws IOException {
        this.name = name;
        this.template = Files.readString(script);
        this.membersTable = membersTable;
        this.environment = new HashMap<>(database.libpqEnvironment());
        String searchPath = schema == null ? "" : " -c search_path=" + schema;
        this.environment.put("PGOPTIONS", "-c enable_nestloop=off" + searchPath);
        this.database = database;
        this.organization = organization;
        this.directory = directory;
    }

    @Override
    public String name() {
        return name + " floor";
    }

    @Override
    public String membersTable() {
        return membersTable;
    }

    @Override
    public Run run(int clients, int seconds, Permutations orders, int first, int last)
            throws IOException, InterruptedException {
        return interleaved(List.of(this), clients, seconds, orders, first, last).get(0);
    }

    /**
     * Runs the floors in one pgbench, each transaction picking one of them (and a permutation) at
     * random: transaction by transaction, they meet the same machine, whatever its drift during the
     * run. The floors must share their environment (schema).
     *
     * @return each floor's run, in the order given
     */
    static List<Run> interleaved(List<Floor> floors, int clients, int seconds, Permutations orders, int first,
            int last) throws IOException, InterruptedException {
        Floor any = floors.get(0);
        Path logs = Files.createTempDirectory(any.directory, "pgbench-log");
        List<String> command = new ArrayList<>(List.of("pgbench", "--no-vacuum", "--protocol=prepared",
                "--client=" + clients, "--jobs=" + Math.min(clients, 2), "--time=" + seconds,
                "--log", "--log-prefix=" + logs.resolve("tx"),
                "--define=org=" + any.organization, "--define=first=" + first, "--define=last=" + last));
        for (int k = 0; k < orders.count(); k++) {
            command.add("--define=p" + k + "=" + orders.arrayLiteral(k));
        }
        for (Floor floor : floors) {
            for (int k = 0; k < orders.count(); k++) {
                Path script = floor.directory.resolve("floor-" + floor.name + "-" + orders.size + "-" + k + ".sql");
                Files.writeString(script, floor.template.replace(":perm", ":p" + k));
                command.add("--file=" + script + "@1");
            }
        }
        String output = Processes.run(command, any.environment);
        Matcher failed = FAILED.matcher(output);
        long failures = failed.find() ? Long.parseLong(failed.group(1)) : 0;
        if (failures > 0) {
            throw new IllegalStateException(any.name() + ": " + failures + " failed transactions:\n" + output);
        }
        // The run's length without connecting: all its transactions over their rate.
        double runSeconds = Long.parseLong(find(PROCESSED, output)) / Double.parseDouble(find(TPS, output));
        List<long[]> latencies = latencies(logs, floors.size(), orders.count());
        List<Run> runs = new ArrayList<>();
        for (long[] micros : latencies) {
            double meanMicros = Arrays.stream(micros).average().orElse(Double.NaN);
            runs.add(new Run(micros.length, runSeconds, 0, meanMicros / 1e3, percentile(micros, 50) / 1e3,
                    percentile(micros, 99) / 1e3));
        }
        return runs;
    }

    /** A backend reports its statistics as it exits: wait until pgbench's are gone. */
    @Override
    public void awaitStatistics() throws SQLException, InterruptedException {
        try (Connection connection = database.connect()) {
            while (true) {
                try (ResultSet count = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND application_name = 'pgbench'")) {
                    count.next();
                    if (count.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * Per-transaction latencies from pgbench's logs (the third field, in microseconds), sorted, for
     * each floor: the fourth field is the script's number, and each floor has {@code scripts} of them.
     */
    private static List<long[]> latencies(Path logs, int floors, int scripts) throws IOException {
        List<List<Long>> all = new ArrayList<>();
        for (int floor = 0; floor < floors; floor++) {
            all.add(new ArrayList<>());
        }
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.split(" ");
                    if (fields.length > 3 && fields[2].chars().allMatch(Character::isDigit)) {
                        all.get(Integer.parseInt(fields[3]) / scripts).add(Long.parseLong(fields[2]));
                    }
                }
                Files.delete(file);
            }
        }
        Files.delete(logs);
        return all.stream().map(floor -> floor.stream().mapToLong(Long::longValue).sorted().toArray()).toList();
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
