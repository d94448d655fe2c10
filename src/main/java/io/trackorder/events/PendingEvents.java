package io.trackorder.events;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** The outbox as the relay sees it: pending events by list, marking them sent, pruning, the backlog. */
@ApplicationScoped
public class PendingEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Up to ?1 lists, each with up to ?2 of its pending events in write order. A list is claimed by
     * locking its oldest pending event, skipping the lists another relay holds: while one relay
     * publishes a list no other sees it, and the others' later events wait behind that oldest one
     * (NOT EXISTS), so the events of one list never go out interleaved or out of order.
     */
    private static final String CLAIM = """
            WITH claimed AS (
                SELECT o.list_key FROM event_outbox o
                WHERE o.sent_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM event_outbox p
                                  WHERE p.list_key = o.list_key AND p.sent_at IS NULL AND p.seq < o.seq)
                ORDER BY o.seq
                LIMIT ?1
                FOR UPDATE OF o SKIP LOCKED)
            SELECT e.id, e.list_key, e.revision, e.type, e.source, e.subject, e.time, CAST(e.data AS text)
            FROM claimed CROSS JOIN LATERAL (
                SELECT * FROM event_outbox e
                WHERE e.list_key = claimed.list_key AND e.sent_at IS NULL
                ORDER BY e.seq LIMIT ?2) e
            ORDER BY e.seq""";
    /** The ids as one text: a list of values is no portable bind parameter. */
    private static final String MARK_SENT = """
            UPDATE event_outbox SET sent_at = now()
            WHERE id = ANY (CAST(string_to_array(?1, ',') AS uuid[])) AND sent_at IS NULL""";
    private static final String PRUNE = """
            DELETE FROM event_outbox WHERE sent_at < now() - CAST(?1 AS bigint) * interval '1 millisecond'""";
    private static final String BACKLOG = """
            SELECT count(*), CAST(coalesce(extract(epoch FROM now() - min(time)), 0) AS double precision)
            FROM event_outbox WHERE sent_at IS NULL""";

    /** Claims lists for this transaction: their pending events by list, each list's in write order. */
    public Uni<List<List<ChangeEvent>>> claim(Mutiny.Session session, int lists, int eventsPerList) {
        return session.createNativeQuery(CLAIM, Object[].class)
                .setParameter(1, lists)
                .setParameter(2, eventsPerList)
                .getResultList()
                .map(rows -> {
                    Map<String, List<ChangeEvent>> byList = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        ChangeEvent event = event(row);
                        byList.computeIfAbsent(event.listKey(), key -> new ArrayList<>()).add(event);
                    }
                    return List.copyOf(byList.values());
                });
    }

    public Uni<Integer> markSent(Mutiny.Session session, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return session.createNativeQuery(MARK_SENT)
                .setParameter(1, ids.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .executeUpdate();
    }

    /** Deletes the events sent longer ago than {@code retain}. */
    public Uni<Integer> prune(Mutiny.Session session, Duration retain) {
        return session.createNativeQuery(PRUNE).setParameter(1, retain.toMillis()).executeUpdate();
    }

    public Uni<Backlog> backlog(Mutiny.Session session) {
        return session.createNativeQuery(BACKLOG, Object[].class).getSingleResult()
                .map(row -> new Backlog(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue()));
    }

    private static ChangeEvent event(Object[] row) {
        try {
            return new ChangeEvent((UUID) row[0], (String) row[1], ((Number) row[2]).longValue(), (String) row[3],
                    (String) row[4], (String) row[5], instant(row[6]), JSON.readTree((String) row[7]));
        } catch (JsonProcessingException e) {
            // jsonb holds only valid JSON.
            throw new IllegalStateException("Unreadable event data", e);
        }
    }

    private static Instant instant(Object time) {
        return time instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) time;
    }
}
