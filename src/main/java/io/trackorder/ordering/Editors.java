package io.trackorder.ordering;

import jakarta.enterprise.context.ApplicationScoped;

import io.trackorder.MusicConfig;

/** Makes the {@link Editor} of a change, with the configured history retention. */
@ApplicationScoped
public class Editors {

    private final int retain;

    public Editors(MusicConfig config) {
        this.retain = config.history().retain();
    }

    public Editor of(String actor) {
        return new Editor(actor, retain);
    }
}
