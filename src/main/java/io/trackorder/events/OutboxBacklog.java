package io.trackorder.events;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox's backlog as the relay last measured it, also as two gauges ({@value #PENDING},
 * {@value #OLDEST_AGE}; NaN until the first measurement and after one that failed): alert on these, not on readiness
 * ({@link OutboxHealthCheck}).
 */
@ApplicationScoped
public class OutboxBacklog {

    static final String PENDING = "trackorder.events.outbox.pending";
    static final String OLDEST_AGE = "trackorder.events.outbox.oldest.pending.age";

    private volatile Backlog latest;
    /** When the count that {@link #latest} comes from started (the relay's nanosecond clock); guarded by this. */
    private long latestStartNanos;
    private boolean counted;

    public OutboxBacklog(MeterRegistry registry) {
        Gauge.builder(PENDING, this,
                backlog -> backlog.latest().map(latest -> (double) latest.pending()).orElse(Double.NaN))
                .description("Change events in the outbox not yet published")
                .register(registry);
        Gauge.builder(OLDEST_AGE, this, backlog -> backlog.latest().map(Backlog::oldestAgeSeconds).orElse(Double.NaN))
                .description("Age of the oldest change event not yet published; 0 when there is none")
                .baseUnit("seconds")
                .register(registry);
    }

    /**
     * What a count that started at {@code startNanos} found, or null if it failed (the gauges then
     * show NaN rather than an old figure). Passes may overlap (explicit ones beside the timer's, or
     * a slow count): a count that started before the one already reported is out of date and ignored.
     */
    synchronized void counted(long startNanos, Backlog found) {
        if (counted && startNanos - latestStartNanos < 0) {
            return;
        }
        counted = true;
        latestStartNanos = startNanos;
        latest = found;
    }

    /** Empty until the relay's first count, and after a count that failed. */
    public Optional<Backlog> latest() {
        return Optional.ofNullable(latest);
    }
}
