package io.trackorder.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class BacklogCadenceTest {

    private final AtomicLong now = new AtomicLong(123_456_789L);
    private final BacklogCadence cadence = new BacklogCadence(now::get);

    @Test
    void theFirstMeasurementIsDueAtOnce() {
        assertTrue(cadence.due());
    }

    @Test
    void theNextMeasurementWaitsAHundredTimesAsLongAsTheLastTook() {
        measureTaking(millis(40));
        advance(millis(40) * BacklogCadence.SPACING - millis(40) - 1);
        assertFalse(cadence.due(), "a nanosecond early");
        advance(1);
        assertTrue(cadence.due());
    }

    @Test
    void aQuickMeasurementIsDueAgainOnTheRelaysNextPass() {
        measureTaking(TimeUnit.MICROSECONDS.toNanos(300));
        advance(millis(1_000));
        assertTrue(cadence.due());
    }

    @Test
    void theMeasurementIsMadeAndTimedAtItsSubscriptionNotAtItsAssembly() {
        Uni<Long> measurement = cadence.timed(start -> Uni.createFrom().item(() -> {
            advance(millis(10));
            return start;
        }));
        advance(millis(60_000));
        long subscribed = now.get();
        assertEquals(subscribed, measurement.await().indefinitely(), "the measurement's start is the clock's reading");
        advance(millis(10) * (BacklogCadence.SPACING - 1) - 1);
        assertFalse(cadence.due());
        advance(1);
        assertTrue(cadence.due());
    }

    @Test
    void aFailedMeasurementIsSpacedOutAsMuchAsOneThatWorked() {
        Uni<Integer> failing = cadence.timed(start -> Uni.createFrom().item(() -> {
            advance(millis(4_000));
            throw new IllegalStateException("canceling statement due to statement timeout");
        }));
        assertThrows(IllegalStateException.class, () -> failing.await().indefinitely());
        advance(millis(4_000) * (BacklogCadence.SPACING - 1) - 1);
        assertFalse(cadence.due(), "retried before its spacing");
        advance(1);
        assertTrue(cadence.due());
    }

    private void measureTaking(long nanos) {
        cadence.timed(start -> Uni.createFrom().item(() -> {
            advance(nanos);
            return 0;
        })).await().indefinitely();
    }

    private void advance(long nanos) {
        now.addAndGet(nanos);
    }

    private static long millis(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
