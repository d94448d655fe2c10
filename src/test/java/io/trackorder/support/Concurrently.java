package io.trackorder.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Runs HTTP calls from many client threads at once, for the concurrency tests. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs every call on {@code clients} threads and returns their status codes, in call order. */
    public static List<Integer> statuses(List<IntSupplier> calls, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> pending = new ArrayList<>();
        for (IntSupplier call : calls) {
            pending.add(pool.submit(call::getAsInt));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "calls finished");
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pending) {
            statuses.add(status.get());
        }
        return statuses;
    }
}
