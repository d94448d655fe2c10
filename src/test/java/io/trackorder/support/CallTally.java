package io.trackorder.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * Calls of a concurrency test, each with the statuses it may answer, run from many clients at
 * once; afterwards every answer is checked against its call and counted by status.
 */
public final class CallTally {

    private record Call(String name, Set<Integer> allowed, IntSupplier run) {
    }

    private final List<Call> calls = new ArrayList<>();

    public void add(String name, Set<Integer> allowed, IntSupplier run) {
        calls.add(new Call(name, allowed, run));
    }

    public void shuffle(Random random) {
        Collections.shuffle(calls, random);
    }

    /**
     * Runs every call on {@code clients} threads.
     *
     * @return how many calls answered each status
     * @throws AssertionError naming every call that answered a status it may not
     */
    public Map<Integer, Integer> run(int clients, String context) throws Exception {
        List<Integer> statuses = Concurrently.statuses(calls.stream().map(Call::run).toList(), clients);
        Map<Integer, Integer> counts = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            int status = statuses.get(i);
            counts.merge(status, 1, Integer::sum);
            if (!calls.get(i).allowed().contains(status)) {
                unexpected.add(calls.get(i).name() + " → " + status);
            }
        }
        assertEquals(List.of(), unexpected, "statuses outside what each call may answer (" + context + ")");
        assertEquals(calls.size(), counts.values().stream().mapToInt(Integer::intValue).sum());
        return counts;
    }

    /** How many calls answered a status of the class, e.g. 2 for 2xx. */
    public static int ofClass(Map<Integer, Integer> counts, int hundreds) {
        return counts.entrySet().stream().filter(e -> e.getKey() / 100 == hundreds).mapToInt(Map.Entry::getValue).sum();
    }
}
