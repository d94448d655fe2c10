package io.trackorder.events;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * Whether the relay's passes fail, and when the next may run: after each failed pass in a row the
 * wait doubles, from the relay interval up to {@link #MAX_BACKOFF}, so a broker or database outage
 * is not met with a pass every interval; the first pass that works resets it. Says so once when
 * passes start failing and once when they work again.
 */
final class RelayFailures {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Duration interval;
    private int inARow;
    private long nextPassNanos = System.nanoTime();

    RelayFailures(Duration interval) {
        this.interval = interval;
    }

    /** Whether the timer's next pass may run now. */
    synchronized boolean due() {
        return System.nanoTime() - nextPassNanos >= 0;
    }

    /** A pass ended; {@code failure} is why it did not publish all it claimed, or empty. */
    synchronized void passed(Optional<Throwable> failure) {
        if (failure.isEmpty()) {
            if (inARow > 0) {
                LOG.info("Publishing change events works again");
            }
            inARow = 0;
            nextPassNanos = System.nanoTime();
            return;
        }
        inARow++;
        Duration backoff = backoff();
        nextPassNanos = System.nanoTime() + backoff.toNanos();
        if (inARow == 1) {
            LOG.warnf("Publishing change events failed (%s); they wait in the outbox and are retried, at most %s s apart",
                    Objects.requireNonNullElse(failure.get().getMessage(), "no reason given"), MAX_BACKOFF.toSeconds());
        }
    }

    private Duration backoff() {
        // Capped before it can overflow: 2^10 intervals are past the cap for any interval of 30 ms or more.
        Duration doubled = interval.multipliedBy(1L << Math.min(inARow - 1, 10));
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }
}
