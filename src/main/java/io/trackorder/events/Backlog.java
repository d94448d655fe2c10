package io.trackorder.events;

/**
 * The outbox's events that are not published yet.
 *
 * @param pending how many
 * @param oldestAgeSeconds how long ago the oldest of them happened; 0 when there are none
 */
public record Backlog(long pending, double oldestAgeSeconds) {
}
