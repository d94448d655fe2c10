package io.trackorder.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class OutboxBacklogTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OutboxBacklog backlog = new OutboxBacklog(registry);

    @Test
    void theGaugesShowTheLatestCount() {
        assertTrue(Double.isNaN(pending()), "nothing counted yet");
        backlog.counted(100, new Backlog(3, 12.5));
        assertEquals(3, pending());
        assertEquals(12.5, registry.get(OutboxBacklog.OLDEST_AGE).gauge().value());
        backlog.counted(200, new Backlog(0, 0));
        assertEquals(0, pending());
    }

    @Test
    void aCountThatStartedBeforeTheReportedOneIsOutOfDate() {
        backlog.counted(200, new Backlog(2, 1));
        backlog.counted(100, new Backlog(0, 0));
        assertEquals(Optional.of(new Backlog(2, 1)), backlog.latest());
        backlog.counted(100, null);
        assertEquals(2, pending(), "an older failure neither");
    }

    @Test
    void aFailedCountLeavesTheGaugesUnknownUntilOneWorks() {
        backlog.counted(100, new Backlog(5, 30));
        backlog.counted(200, null);
        assertTrue(Double.isNaN(pending()));
        assertTrue(Double.isNaN(registry.get(OutboxBacklog.OLDEST_AGE).gauge().value()));
        backlog.counted(300, new Backlog(1, 2));
        assertEquals(1, pending());
    }

    @Test
    void startTimesAreComparedAsNanoTimeIsAcrossItsWrapAround() {
        backlog.counted(Long.MAX_VALUE - 10, new Backlog(1, 1));
        backlog.counted(Long.MIN_VALUE + 10, new Backlog(4, 1));
        assertEquals(4, pending(), "20 ns later, past the wrap-around");
    }

    private double pending() {
        return registry.get(OutboxBacklog.PENDING).gauge().value();
    }
}
