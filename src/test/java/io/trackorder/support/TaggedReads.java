package io.trackorder.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.restassured.response.Response;

/**
 * The reads (GETs) a test watches while it changes things, and what each change must do to their
 * entity tags: a read whose body changed must have a new tag, its old tag must no longer give 304
 * and its new one must; a read whose body did not change keeps its tag and its 304. Failures are
 * collected, so that one run names every step and read that broke the rule.
 */
public final class TaggedReads {

    /** What one read answered: status, {@code ETag} and body. */
    private record Seen(int status, String tag, String body) {
    }

    /** A read sends {@code If-None-Match} with the given value, or none when it is null. */
    private final Map<String, Function<String, Response>> reads = new LinkedHashMap<>();
    private final Map<String, Seen> seen = new HashMap<>();
    /** Every tag each read has had, oldest first. */
    private final Map<String, List<String>> history = new HashMap<>();
    private final List<String> failures = new ArrayList<>();

    /** Watches a read from now on; it must answer 200 with an ETag now. */
    public TaggedReads watch(String name, Function<String, Response> read) {
        reads.put(name, read);
        Seen now = read(name, null);
        if (now.status() != 200 || now.tag() == null) {
            failures.add("watching " + name + ": " + now);
        }
        record(name, now);
        return this;
    }

    /** The current tag of a read. */
    public String tag(String name) {
        return seen.get(name).tag();
    }

    /**
     * Tags that are not the current tag of {@code name} but that a client could hold: the one it had
     * before, the current tags of the other reads, and the current one as a weak tag. The first two
     * look current to a server that tags by one shared version.
     */
    public Set<String> staleTagsOf(String name) {
        List<String> earlier = history.get(name);
        Set<String> stale = new LinkedHashSet<>(earlier.subList(Math.max(0, earlier.size() - 2), earlier.size()));
        reads.keySet().forEach(other -> stale.add(tag(other)));
        stale.add("W/" + tag(name));
        stale.remove(tag(name));
        stale.remove(null);
        return stale;
    }

    /**
     * After a step: {@code changed} reads have a new body and a new tag; {@code retagged} ones the
     * same body under a new tag (they share the tag of a resource whose other parts changed);
     * {@code gone} ones are 404; every other read is exactly as before.
     */
    public void check(String step, List<String> changed, List<String> retagged, List<String> gone) {
        for (String name : reads.keySet()) {
            Seen before = seen.get(name);
            Seen now = read(name, null);
            String where = step + ", " + name + ": ";
            if (before.status() == 404) {
                expect(where + "still gone", now.status() == 404, now);
            } else if (gone.contains(name)) {
                expect(where + "gone", now.status() == 404, now);
                Seen conditional = read(name, before.tag());
                expect(where + "gone, even for its old tag", conditional.status() == 404, conditional);
            } else if (changed.contains(name) || retagged.contains(name)) {
                expect(where + "200", now.status() == 200, now);
                expect(where + (changed.contains(name) ? "new body" : "same body"),
                        changed.contains(name) != now.body().equals(before.body()), now);
                expect(where + "new tag", now.tag() != null && !now.tag().equals(before.tag()), now);
                Seen old = read(name, before.tag());
                expect(where + "the old tag " + before.tag() + " gives 200 and the new tag",
                        old.status() == 200 && now.tag() != null && now.tag().equals(old.tag()), old);
                Seen same = read(name, now.tag());
                expect(where + "the new tag gives 304 with that tag and no body",
                        same.status() == 304 && now.tag() != null && now.tag().equals(same.tag()) && same.body().isEmpty(),
                        same);
            } else {
                expect(where + "unchanged", now.equals(before), now);
                Seen same = read(name, before.tag());
                expect(where + "its tag still gives 304", same.status() == 304 && before.tag().equals(same.tag()), same);
            }
            record(name, now);
        }
    }

    /** After a step that must change nothing: every read is exactly as before. */
    public void checkUnchanged(String step) {
        check(step, List.of(), List.of(), List.of());
    }

    /**
     * A change made conditional on the current tag of the read {@code validator}: first with each
     * of its {@link #staleTagsOf stale tags}, which must be refused with 412 without changing any
     * read, then with the current tag, which must answer {@code status}.
     *
     * @return the answer to the change with the current tag
     */
    public Response conditionally(String step, String validator, Function<String, Response> change, int status) {
        for (String stale : staleTagsOf(validator)) {
            Response refused = change.apply(stale);
            expect(step + " with If-Match " + stale + " (current " + tag(validator) + "): 412",
                    refused.statusCode() == 412, refused.statusCode() + " " + refused.asString());
        }
        checkUnchanged(step + " refused");
        Response done = change.apply(tag(validator));
        expect(step + " with If-Match " + tag(validator) + ": " + status, done.statusCode() == status,
                done.statusCode() + " " + done.asString());
        return done;
    }

    /** After {@link #check}: the answer to a change carries the tag its validator has now, ready for the next If-Match. */
    public void expectTagOf(String step, String validator, Response done) {
        expect(step + " answers the new tag of " + validator, tag(validator).equals(done.header("ETag")),
                done.header("ETag"));
    }

    /** Records a failure unless {@code ok}. */
    public void expect(String what, boolean ok, Object actual) {
        if (!ok) {
            failures.add(what + " — got " + actual);
        }
    }

    /** Fails naming every rule that was broken. */
    public void assertNoFailures() {
        assertEquals(List.of(), failures, "entity tag rules broken");
    }

    private Seen read(String name, String ifNoneMatch) {
        Response response = reads.get(name).apply(ifNoneMatch);
        return new Seen(response.statusCode(), response.header("ETag"), response.asString());
    }

    private void record(String name, Seen now) {
        seen.put(name, now);
        List<String> tags = history.computeIfAbsent(name, key -> new ArrayList<>());
        if (now.tag() != null && !tags.contains(now.tag())) {
            tags.add(now.tag());
        }
    }
}
