package io.trackorder.security;

import jakarta.enterprise.context.RequestScoped;

/** The workspace member calling this Releases API request, set by {@link BearerTokenFilter}. */
@RequestScoped
public class CurrentMember {

    private WorkspaceMember member;

    void set(WorkspaceMember member) {
        this.member = member;
    }

    public WorkspaceMember get() {
        if (member == null) {
            throw new IllegalStateException("No authenticated member on this request");
        }
        return member;
    }
}
