package io.trackorder.events;

import java.util.function.LongFunction;
import java.util.function.LongSupplier;

import io.smallrye.mutiny.Uni;

/**
 * How often the relay's timer measures the backlog. Counting the pending events reads all of them,
 * so the longer the backlog (a broker outage, or no broker at all), the longer each count takes:
 * after a count that took {@code d}, the next is due {@value #SPACING} × {@code d} later, which
 * keeps counting to about 1 % of one database connection's time however long the backlog grows.
 * A small backlog, counted in well under a hundredth of the relay interval, is counted every pass.
 */
final class BacklogCadence {

    static final int SPACING = 100;

    private final LongSupplier nanoClock;
    private volatile long nextDueNanos;

    BacklogCadence(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.nextDueNanos = nanoClock.getAsLong();
    }

    /** Whether the timer's pass should measure the backlog now. */
    boolean due() {
        return nanoClock.getAsLong() - nextDueNanos >= 0;
    }

    /**
     * The measurement, made on subscription and given the clock's reading then, timed to its end:
     * how long it took, whether it succeeded or failed (a count cut off by the statement timeout),
     * sets when the next is due.
     */
    <T> Uni<T> timed(LongFunction<Uni<T>> measurement) {
        return Uni.createFrom().deferred(() -> {
            long start = nanoClock.getAsLong();
            return measurement.apply(start).onTermination()
                    .invoke(() -> nextDueNanos = start + SPACING * (nanoClock.getAsLong() - start));
        });
    }
}
