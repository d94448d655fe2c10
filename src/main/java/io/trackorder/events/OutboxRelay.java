package io.trackorder.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * transaction claims lists (see {@link PendingEvents}), publishes each list's events in write
 * order, each confirmed by the broker before the next, marks the confirmed ones sent, prunes old
 * sent ones and measures the backlog. A publish that fails or is not confirmed in time stops its
 * list, whose remaining events keep their order and go out on a later pass; events are delivered
 * at least once (a pass whose commit fails publishes its events again). Nothing in the API waits
 * for this. Without a broker (production without RABBITMQ_HOST) it only measures the backlog.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Mutiny.SessionFactory sessions;
    private final PendingEvents pending;
    private final EventPublisher publisher;
    private final OutboxBacklog backlog;
    private final BrokerSettings broker;
    private final Vertx vertx;
    private final MusicConfig.Events config;
    /**
     * How long a pass may publish: its transaction stays open meanwhile, and the database ends
     * transactions idle for longer than the database timeout.
     */
    private final Duration publishBudget;
    /** Only the timer's passes; passes started elsewhere (tests) may overlap, as another replica's do. */
    private final AtomicBoolean timerPassRunning = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean publishFailing = new AtomicBoolean();
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
        this.publishBudget = config.database().timeout().dividedBy(2);
    }

    void start(@Observes StartupEvent start) {
        if (!config.relayEnabled()) {
            LOG.info("The outbox relay is off on this instance (music.events.relay-enabled=false)");
            return;
        }
        timer = vertx.setPeriodic(config.relayInterval().toMillis(), fired -> {
            if (timerPassRunning.compareAndSet(false, true)) {
                tick().subscribe().with(published -> timerPassRunning.set(false), failure -> timerPassRunning.set(false));
            }
        });
    }

    void stop(@Observes ShutdownEvent stop) {
        stopped = true;
        vertx.cancelTimer(timer);
    }

    /** One pass; the number of events it published. */
    public Uni<Integer> tick() {
        return DetachedWork.run(vertx, () -> sessions.withTransaction(session -> publishPending(session)
                .call(() -> pending.prune(session, config.retainSent()))
                .call(() -> pending.backlog(session).invoke(backlog::measured))))
                .invoke(published -> {
                    if (failing.compareAndSet(true, false)) {
                        LOG.info("The outbox relay works again");
                    }
                })
                .onFailure().invoke(failure -> {
                    if (!stopped && failing.compareAndSet(false, true)) {
                        LOG.warnf("The outbox relay failed (%s); it retries every %s", failure.getMessage(), every());
                    }
                });
    }

    private Uni<Integer> publishPending(Mutiny.Session session) {
        if (!broker.publishing()) {
            return Uni.createFrom().item(0);
        }
        // The session may only be used on its own context; the broker's confirms arrive on another.
        Context sessionContext = Vertx.currentContext();
        long deadline = System.nanoTime() + publishBudget.toNanos();
        return pending.claim(session, config.batchSize(), config.batchSize())
                .chain(lists -> Multi.createFrom().iterable(lists)
                        .onItem().transformToUniAndMerge(events -> publishInOrder(events, deadline))
                        .collect().in(ArrayList<UUID>::new, List::addAll))
                .emitOn(work -> sessionContext.runOnContext(ignored -> work.run()))
                .chain(sent -> pending.markSent(session, sent).replaceWith(sent.size()));
    }

    /** The ids of the events the broker confirmed, up to the first that failed. */
    private Uni<List<UUID>> publishInOrder(List<ChangeEvent> events, long deadline) {
        List<UUID> confirmed = new ArrayList<>();
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> publisher.publish(event)
                        .ifNoItem().after(remaining(deadline)).fail()
                        .invoke(() -> confirmed.add(event.id())))
                .collect().last()
                .onItemOrFailure().transform((ignored, failure) -> {
                    if (failure == null && publishFailing.compareAndSet(true, false)) {
                        LOG.info("Publishing change events works again");
                    } else if (failure != null && publishFailing.compareAndSet(false, true)) {
                        LOG.warnf("Publishing change events failed (%s); they wait in the outbox and are retried every %s",
                                Objects.requireNonNullElse(failure.getMessage(), "not confirmed in time"), every());
                    }
                    return confirmed;
                });
    }

    /** The relay interval as operators write it. */
    private String every() {
        return config.relayInterval().toMillis() + " ms";
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofMillis(1).toNanos()));
    }
}
