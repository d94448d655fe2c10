package io.trackorder.apikeys;

import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of this request, set by {@link AccessFilter} before any endpoint runs. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("No authenticated caller on this request");
        }
        return caller;
    }
}
