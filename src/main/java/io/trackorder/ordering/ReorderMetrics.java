package io.trackorder.ordering;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/**
 * How long reorders take and how many ids they ask for, per surface ({@code surface=collections|releases}):
 * <ul>
 * <li>{@value #DURATION}: a timer, tagged {@code outcome=success|failure|cancelled} (cancelled: the client
 * went away first; the work itself still runs to its end);</li>
 * <li>{@value #REQUESTED_IDS}: a distribution of the number of ids in the request's list (not the list's
 * length: a reorder may name only the first few tracks).</li>
 * </ul>
 * Every meter is registered once, up front, so a reorder only looks one up in an {@link EnumMap} and records.
 */
@ApplicationScoped
public class ReorderMetrics {

    public enum Surface {
        COLLECTIONS,
        RELEASES;

        final String tag = name().toLowerCase(Locale.ROOT);
    }

    static final String DURATION = "trackorder.reorder.duration";
    static final String REQUESTED_IDS = "trackorder.reorder.requested.ids";

    // Fixed buckets keep the scrape small (a dozen per series, not Micrometer's ~70) and still let
    // Prometheus compute quantiles across replicas; they span a trivial reorder to the database timeout.
    private static final Duration[] DURATION_BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30) };
    // Up to the larger surface's limit (10,000 tracks in a collection).
    private static final double[] SIZE_BUCKETS = { 1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000 };

    private final Map<Surface, SurfaceMeters> meters = new EnumMap<>(Surface.class);

    public ReorderMetrics(MeterRegistry registry) {
        for (Surface surface : Surface.values()) {
            meters.put(surface, new SurfaceMeters(registry, surface.tag));
        }
    }

    /**
     * Times {@code reorder} from subscription to its end and records the size of the request's list.
     * Time it where it includes the whole transaction: waiting for a connection, the lock and the commit.
     */
    public <T> Uni<T> record(Surface surface, int requestedIds, Uni<T> reorder) {
        SurfaceMeters surfaceMeters = meters.get(surface);
        return Uni.createFrom().deferred(() -> {
            surfaceMeters.requestedIds.record(requestedIds);
            long start = System.nanoTime();
            return reorder.onTermination().invoke((item, failure, cancelled) -> surfaceMeters
                    .duration(failure, cancelled).record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        });
    }

    private static final class SurfaceMeters {

        final DistributionSummary requestedIds;
        final Timer success;
        final Timer failure;
        final Timer cancelled;

        SurfaceMeters(MeterRegistry registry, String surface) {
            requestedIds = DistributionSummary.builder(REQUESTED_IDS)
                    .description("Number of ids in a reorder request's list")
                    .tag("surface", surface)
                    .serviceLevelObjectives(SIZE_BUCKETS)
                    .register(registry);
            success = timer(registry, surface, "success");
            failure = timer(registry, surface, "failure");
            cancelled = timer(registry, surface, "cancelled");
        }

        Timer duration(Throwable failed, boolean wasCancelled) {
            return wasCancelled ? cancelled : failed != null ? failure : success;
        }

        private static Timer timer(MeterRegistry registry, String surface, String outcome) {
            return Timer.builder(DURATION)
                    .description("Duration of a reorder, from the service call to its commit or failure")
                    .tags("surface", surface, "outcome", outcome)
                    .serviceLevelObjectives(DURATION_BUCKETS)
                    .register(registry);
        }
    }
}
