package io.trackorder.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.trackorder.apikeys.Caller;
import io.trackorder.collections.CollectionRepository;
import io.trackorder.collections.MembershipRepository;
import io.trackorder.releases.ReleaseRepository;
import io.trackorder.releasetracks.ReleaseTrackRepository;
import io.trackorder.security.WorkspaceMember;
import io.trackorder.support.Api;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;

/**
 * Seeded random reorders straight through both repositories, each with the {@link OrderedList} it
 * configures, under the parent row lock a reorder takes, against the pure rule: after the one statement the order in the
 * database is exactly
 * {@link ReorderRule#apply}'s, the positions are dense from the surface's first position, and the
 * parent's revision goes up by one exactly when the order changed. The seed is in every failure message.
 */
@QuarkusTest
class OrderedListMatchesRuleTest {

    private static final long SEED = Long.getLong("reorder.seed", System.nanoTime());

    private static final Editor EDITOR = new Editor("rule-test", 100);

    @Inject
    CollectionRepository collections;

    @Inject
    MembershipRepository memberships;

    @Inject
    ReleaseRepository releases;

    @Inject
    ReleaseTrackRepository releaseTracks;

    /** One list of one surface, read back with its positions checked dense. */
    private interface OrderedMembers {

        List<String> order() throws SQLException;

        long revision() throws SQLException;

        /**
         * Runs the repository's reorder in a transaction of its own, after the lock a reorder takes
         * (which also keeps the planner off nested loops); whether it reported a change.
         */
        boolean reorder(List<String> requested);

        /** An id of the member type that no list holds. */
        String stranger(Random random);
    }

    /** How a surface makes a list of a given size, and the longest list its service allows. */
    private interface Surface {

        OrderedMembers newList(int size) throws SQLException;

        int maxSize();
    }

    private Surface collections() {
        Api.Caller caller = Api.newCaller();
        return new Surface() {
            @Override
            public OrderedMembers newList(int size) throws SQLException {
                String collection = caller.newCollection();
                TestDatabase.seedMembers(caller.organizationId(), caller.userId(), collection, size);
                return new OrderedMembers() {
                    @Override
                    public List<String> order() throws SQLException {
                        return TestDatabase.denseOrder(caller.organizationId(), collection); // from 0
                    }

                    @Override
                    public long revision() throws SQLException {
                        return TestDatabase.revision(caller.organizationId(), collection);
                    }

                    @Override
                    public boolean reorder(List<String> requested) {
                        return inTransaction(() -> collections
                                .findOwnedForReorder(new Caller(caller.organizationId(), caller.userId()), collection)
                                .chain(() -> memberships.reorder(caller.organizationId(), collection,
                                        requested.toArray(String[]::new), EDITOR, ChangeKind.REORDER)));
                    }

                    @Override
                    public String stranger(Random random) {
                        return "mtrack_not_a_member_" + random.nextInt(1_000_000);
                    }
                };
            }

            @Override
            public int maxSize() {
                return 10_000;
            }
        };
    }

    private Surface releases() {
        Releases.Member member = Releases.newMember();
        return new Surface() {
            @Override
            public OrderedMembers newList(int size) throws SQLException {
                String release = member.newRelease(size);
                int tenant = tenantOf(release);
                UUID releaseId = UUID.fromString(release);
                return new OrderedMembers() {
                    @Override
                    public List<String> order() throws SQLException {
                        return TestDatabase.denseTrackNumbers(release); // from 1
                    }

                    @Override
                    public long revision() throws SQLException {
                        return TestDatabase.releaseRevision(release);
                    }

                    @Override
                    public boolean reorder(List<String> requested) {
                        return inTransaction(() -> releases
                                .findVisibleForReorder(new WorkspaceMember(tenant, member.userId(), false), releaseId)
                                .chain(() -> releaseTracks.reorder(tenant, releaseId,
                                        requested.stream().map(UUID::fromString).toArray(UUID[]::new), EDITOR,
                                        ChangeKind.REORDER)));
                    }

                    @Override
                    public String stranger(Random random) {
                        return new UUID(random.nextLong(), random.nextLong()).toString();
                    }
                };
            }

            @Override
            public int maxSize() {
                return 1_000;
            }
        };
    }

    @Test
    void collectionReordersMatchTheRule() throws Exception {
        randomReordersMatchTheRule(collections());
    }

    @Test
    void releaseReordersMatchTheRule() throws Exception {
        randomReordersMatchTheRule(releases());
    }

    @Test
    void theLongestCollectionsReorderMatchesTheRule() throws Exception {
        longestListsMatchTheRule(collections());
    }

    @Test
    void theLongestReleasesReorderMatchesTheRule() throws Exception {
        longestListsMatchTheRule(releases());
    }

    private static void randomReordersMatchTheRule(Surface surface) throws Exception {
        Random random = new Random(SEED);
        OrderedMembers neighbour = surface.newList(3);
        for (int round = 0; round < 30; round++) {
            int size = round < 3 ? round : 1 + random.nextInt(30);
            OrderedMembers list = surface.newList(size);
            for (int step = 0; step < 4; step++) {
                List<String> current = list.order();
                assertReorderMatchesTheRule(list, current, request(random, current, list, neighbour),
                        "round " + round + ", step " + step);
            }
        }
    }

    private static void longestListsMatchTheRule(Surface surface) throws Exception {
        Random random = new Random(SEED);
        OrderedMembers list = surface.newList(surface.maxSize());
        List<String> reversed = new ArrayList<>(list.order());
        Collections.reverse(reversed);
        assertReorderMatchesTheRule(list, list.order(), reversed, "reversed");
        List<String> shuffled = new ArrayList<>(list.order());
        Collections.shuffle(shuffled, random);
        assertReorderMatchesTheRule(list, list.order(), shuffled, "shuffled");
        List<String> last = list.order();
        assertReorderMatchesTheRule(list, last, List.of(last.get(last.size() - 1)), "the last one first");
        assertReorderMatchesTheRule(list, list.order(), list.order(), "unchanged");
    }

    /**
     * A request a service lets through: distinct ids, of the member type, in any mix of members,
     * members of another list and ids of nothing; empty, partial, complete or the current order.
     */
    private static List<String> request(Random random, List<String> current, OrderedMembers list,
            OrderedMembers neighbour) throws SQLException {
        List<String> requested = switch (random.nextInt(6)) {
            case 0 -> List.of();
            case 1 -> current;
            case 2 -> {
                List<String> all = new ArrayList<>(current);
                Collections.shuffle(all, random);
                yield all;
            }
            default -> {
                List<String> candidates = new ArrayList<>(current);
                for (int i = random.nextInt(4); i > 0; i--) {
                    candidates.add(list.stranger(random));
                }
                candidates.addAll(neighbour.order().subList(0, random.nextInt(4)));
                Collections.shuffle(candidates, random);
                yield candidates.subList(0, random.nextInt(candidates.size() + 1));
            }
        };
        return requested.stream().distinct().toList();
    }

    private static void assertReorderMatchesTheRule(OrderedMembers list, List<String> current, List<String> requested,
            String step) throws SQLException {
        long revision = list.revision();
        List<String> expected = ReorderRule.apply(current, requested);
        String context = "seed " + SEED + ", " + step + ": " + abbreviated(current) + " by " + abbreviated(requested);

        boolean changed = list.reorder(requested);

        assertEquals(expected, list.order(), context);
        assertEquals(!expected.equals(current), changed, "reported change, " + context);
        assertEquals(changed ? revision + 1 : revision, list.revision(), "revision, " + context);
    }

    private static String abbreviated(List<String> ids) {
        return ids.size() <= 40 ? ids.toString() : ids.subList(0, 40) + "… (" + ids.size() + ")";
    }

    private static <T> T inTransaction(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            throw new AssertionError("the reorder failed", e);
        }
    }

    private static int tenantOf(String release) throws SQLException {
        try (Connection db = TestDatabase.connect();
                PreparedStatement query = db.prepareStatement("SELECT tenant_id FROM releases WHERE id = CAST(? AS uuid)")) {
            query.setString(1, release);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
