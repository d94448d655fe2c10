package io.trackorder.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.trackorder.MusicConfig;
import io.trackorder.database.DetachedWork;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Publishes the outbox's pending events, every {@code music.events.relay-interval}: one
 * transaction claims lists (see {@link PendingEvents}), publishes all their events without waiting
 * for each confirm, each list's in write order, awaits the broker's confirms, marks sent each
 * list's events up to its first that failed or was not confirmed in time, prunes old sent events
 * and commits; then it measures the backlog. The rest of such a list goes out again, in order, on a later pass;
 * passes that keep failing are spaced out ({@link RelayFailures}). Events are delivered
 * at least once (a pass whose commit fails publishes its events again). Nothing in the API waits
 * for this. Without a broker (production without RABBITMQ_HOST) it only measures the backlog. The
 * timer's passes measure it as often as {@link BacklogCadence} allows.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * Publishes awaiting their confirm at once: below the connector's {@code max-inflight-messages}
     * (1024), so none waits in the emitter's buffer.
     */
    private static final int IN_FLIGHT = 512;

    private final Mutiny.SessionFactory sessions;
    private final PendingEvents pending;
    private final EventPublisher publisher;
    private final OutboxBacklog backlog;
    private final BrokerSettings broker;
    private final Vertx vertx;
    private final MusicConfig.Events config;
    private final RelayFailures failures;
    private final BacklogCadence backlogCadence = new BacklogCadence(System::nanoTime);
    /**
     * How long a pass may publish: its transaction stays open meanwhile, and the database ends
     * transactions idle for longer than the database timeout.
     */
    private final Duration publishBudget;
    /** Only the timer's passes; passes started elsewhere (tests) may overlap, as another replica's do. */
    private final AtomicBoolean timerPassRunning = new AtomicBoolean();
    private volatile long timer = -1;
    /** Set at shutdown: a pass then in flight fails as the pool closes, which is no news. */
    private volatile boolean stopped;

    public OutboxRelay(Mutiny.SessionFactory sessions, PendingEvents pending, EventPublisher publisher,
            OutboxBacklog backlog, BrokerSettings broker, Vertx vertx, MusicConfig config) {
        this.sessions = sessions;
        this.pending = pending;
        this.publisher = publisher;
        this.backlog = backlog;
        this.broker = broker;
        this.vertx = vertx;
        this.config = config.events();
        this.failures = new RelayFailures(this.config.relayInterval());
        this.publishBudget = config.database().timeout().dividedBy(2);
    }

    void start(@Observes StartupEvent start) {
        if (!config.relayEnabled()) {
            LOG.info("The outbox relay is off on this instance (music.events.relay-enabled=false)");
            return;
        }
        timer = vertx.setPeriodic(config.relayInterval().toMillis(), fired -> {
            if (failures.due() && timerPassRunning.compareAndSet(false, true)) {
                pass(backlogCadence.due()).subscribe().with(published -> timerPassRunning.set(false),
                        failure -> timerPassRunning.set(false));
            }
        });
    }

    void stop(@Observes ShutdownEvent stop) {
        stopped = true;
        vertx.cancelTimer(timer);
    }

    /** One pass, measuring the backlog too; the number of events it published. */
    public Uni<Integer> tick() {
        return pass(true);
    }

    private Uni<Integer> pass(boolean measureBacklog) {
        return DetachedWork.run(vertx, () -> sessions.withTransaction(session -> publishPending(session)
                .call(() -> pending.prune(session, config.retainSent())))
                .call(() -> measureBacklog ? measureBacklog() : Uni.createFrom().voidItem()))
                .invoke(outcome -> failures.passed(outcome.failure()))
                .onFailure().invoke(failure -> {
                    if (!stopped) {
                        failures.passed(Optional.of(failure));
                    }
                })
                .map(Outcome::published);
    }

    /**
     * Counts the backlog after the pass's commit, in a session of its own: a count that fails (a
     * backlog grown past the statement timeout) must not undo what the pass published. The gauges
     * then say they do not know.
     */
    private Uni<Void> measureBacklog() {
        return backlogCadence.timed(start -> sessions.withSession(pending::backlog)
                .invoke(found -> backlog.counted(start, found))
                .onFailure().invoke(failure -> {
                    LOG.debugf("Counting the outbox backlog failed: %s", failure.getMessage());
                    backlog.counted(start, null);
                }))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Claims lists, publishes all their events at once, each list's in write order, and awaits the
     * broker's confirms; marks sent each list's events up to its first that failed or was not
     * confirmed in time. That one and the list's later events stay pending and go out again, in
     * order, on a later pass; a list whose batch cannot be confirmed within the budget still makes
     * progress. While the broker is known to be down nothing is published: a message handed to the
     * connector then would wait in it and go out after the outage besides its later retry.
     */
    private Uni<Outcome> publishPending(Mutiny.Session session) {
        if (!broker.publishing()) {
            return Uni.createFrom().item(new Outcome(List.of(), Optional.empty()));
        }
        if (!publisher.connected()) {
            return Uni.createFrom().item(new Outcome(List.of(), Optional.of(new IllegalStateException("the broker is down"))));
        }
        // The session may only be used on its own context; the broker's confirms arrive on another.
        Context sessionContext = Vertx.currentContext();
        long deadline = System.nanoTime() + publishBudget.toNanos();
        return pending.claim(session, config.batchSize(), config.batchSize())
                .chain(lists -> Multi.createFrom().iterable(lists.stream().flatMap(List::stream).toList())
                        // Merge subscribes in this order, so each list's events reach the broker in write order.
                        .onItem().transformToUni(event -> confirmed(event, deadline)).merge(IN_FLIGHT)
                        .collect().asList()
                        .map(results -> Outcome.of(lists, results)))
                .emitOn(work -> sessionContext.runOnContext(ignored -> work.run()))
                .call(outcome -> pending.markSent(session, outcome.sent()));
    }

    /** The event's publish, confirmed by the broker before the deadline, or why not. */
    private Uni<Published> confirmed(ChangeEvent event, long deadline) {
        return publisher.publish(event)
                .ifNoItem().after(remaining(deadline)).failWith(() -> new IllegalStateException("not confirmed in time"))
                .map(ignored -> new Published(event, Optional.<Throwable> empty()))
                .onFailure().recoverWithItem(failure -> new Published(event, Optional.of(failure)));
    }

    /** One event's publish: how it failed, or empty when the broker confirmed it. */
    private record Published(ChangeEvent event, Optional<Throwable> failure) {
    }

    /** A pass: how many events it published, and why it published less than it claimed. */
    private record Outcome(List<UUID> sent, Optional<Throwable> failure) {

        int published() {
            return sent.size();
        }

        /**
         * Of each list, the events up to its first that failed: the broker has those, and the rest
         * go out again in order. The first failure, if any.
         */
        static Outcome of(List<List<ChangeEvent>> lists, List<Published> results) {
            Map<UUID, Optional<Throwable>> failures = new HashMap<>();
            results.forEach(result -> failures.put(result.event().id(), result.failure()));
            List<UUID> sent = new ArrayList<>();
            Optional<Throwable> failure = Optional.empty();
            for (List<ChangeEvent> list : lists) {
                for (ChangeEvent event : list) {
                    Optional<Throwable> failed = failures.get(event.id());
                    if (failed.isPresent()) {
                        failure = failure.or(() -> failed);
                        break;
                    }
                    sent.add(event.id());
                }
            }
            return new Outcome(sent, failure);
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofMillis(1).toNanos()));
    }
}
