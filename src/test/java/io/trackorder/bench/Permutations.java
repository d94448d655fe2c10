package io.trackorder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * A few random orders of the track ids t1..tN, the same ones for the service (as wrk request
 * bodies) and for pgbench (as text[] literals): both sides draw from them uniformly, so both do
 * the same work, including the occasional order that equals the current one and writes nothing.
 */
final class Permutations {

    /** pgbench receives the literals as command-line variables, which Linux limits to 2 MiB in all. */
    private static final int ARGUMENT_BUDGET = 1 << 20;
    private static final int MOST = 16;

    final int size;
    final Path bodies;
    private final List<String> arrayLiterals;

    private Permutations(int size, Path bodies, List<String> arrayLiterals) {
        this.size = size;
        this.bodies = bodies;
        this.arrayLiterals = arrayLiterals;
    }

    static Permutations of(int size, Random random, Path directory) throws IOException {
        List<String> literals = new ArrayList<>();
        List<String> bodyLines = new ArrayList<>();
        int count = -1;
        do {
            int[] order = shuffled(size, random);
            StringJoiner literal = new StringJoiner(",", "{", "}");
            StringJoiner body = new StringJoiner("\",\"", "{\"ordered_track_ids\":[\"", "\"]}");
            for (int track : order) {
                literal.add("t" + track);
                body.add("t" + track);
            }
            literals.add(literal.toString());
            bodyLines.add(body.toString());
            if (count < 0) {
                count = Math.max(2, Math.min(MOST, ARGUMENT_BUDGET / literal.length()));
            }
        } while (literals.size() < count);
        Path bodies = directory.resolve("bodies-" + size + ".txt");
        Files.write(bodies, bodyLines);
        return new Permutations(size, bodies, literals);
    }

    private static int[] shuffled(int size, Random random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i + 1;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    int count() {
        return arrayLiterals.size();
    }

    String arrayLiteral(int index) {
        return arrayLiterals.get(index);
    }
}
