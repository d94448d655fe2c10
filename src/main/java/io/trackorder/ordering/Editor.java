package io.trackorder.ordering;

/**
 * Who changes a list, as its history records them, and how many entries the list's history keeps:
 * older ones are pruned by the change that records a new one.
 */
public record Editor(String actor, int retain) {
}
