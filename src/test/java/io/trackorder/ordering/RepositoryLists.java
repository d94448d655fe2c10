package io.trackorder.ordering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.trackorder.apikeys.Caller;
import io.trackorder.collections.CollectionRepository;
import io.trackorder.collections.MembershipRepository;
import io.trackorder.database.PipelinedTransactions;
import io.trackorder.database.Statements;
import io.trackorder.releases.ReleaseRepository;
import io.trackorder.releasetracks.ReleaseTrackRepository;
import io.trackorder.security.WorkspaceMember;
import io.trackorder.support.Api;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;
import io.trackorder.web.PageRequest;

/**
 * Lists of both surfaces changed straight through their repositories, each change in a
 * transaction of its own under the parent row lock the services take before it (which also keeps
 * the planner off nested loops), and read back with plain JDBC: for tests that hold the statements
 * of {@link OrderedList} and {@link OrderHistory} against the pure rules.
 */
@ApplicationScoped
public class RepositoryLists {

    /** Keeps more entries than any test makes. */
    static final Editor EDITOR = new Editor("rule-test", 100);

    @Inject
    CollectionRepository collections;

    @Inject
    MembershipRepository memberships;

    @Inject
    PipelinedTransactions transactions;

    @Inject
    ReleaseRepository releases;

    @Inject
    ReleaseTrackRepository releaseTracks;

    /** One list of one surface, its ids as text whatever their type. */
    public interface OrderedMembers {

        /** The order, with the positions checked dense from the surface's first position. */
        List<String> order() throws SQLException;

        long revision() throws SQLException;

        /** The repository's reorder ({@link ChangeKind#REORDER} or {@link ChangeKind#RESTORE}); whether it changed. */
        boolean reorder(List<String> requested, ChangeKind kind);

        OrderedList.RangeMoved moveRange(RangeMove move);

        OrderedList.AnchoredMoved moveNextTo(List<String> ids, String anchor, boolean after);

        /** The newest entries of the history, newest first, without their orders. */
        List<OrderHistory.Entry> history();

        /** One entry with its order, or null. */
        OrderHistory.Entry historyEntry(long revision);

        /** An id of the member type that no list holds. */
        String stranger(Random random);
    }

    /** How a surface makes a list of a given size, and the longest list its service allows. */
    public interface Surface {

        OrderedMembers newList(int size) throws SQLException;

        int maxSize();
    }

    public Surface collections() {
        Api.Caller caller = Api.newCaller();
        String organization = caller.organizationId();
        Caller owner = new Caller(organization, caller.userId());
        return new Surface() {
            @Override
            public OrderedMembers newList(int size) throws SQLException {
                String collection = caller.newCollection();
                TestDatabase.seedMembers(organization, caller.userId(), collection, size);
                return new OrderedMembers() {
                    @Override
                    public List<String> order() throws SQLException {
                        return TestDatabase.denseOrder(organization, collection); // from 0
                    }

                    @Override
                    public long revision() throws SQLException {
                        return TestDatabase.revision(organization, collection);
                    }

                    @Override
                    public boolean reorder(List<String> requested, ChangeKind kind) {
                        return locked(last -> memberships.reorder(last, organization, collection,
                                requested.toArray(String[]::new), EDITOR, kind));
                    }

                    @Override
                    public OrderedList.RangeMoved moveRange(RangeMove move) {
                        return locked(last -> memberships.moveRange(last, organization, collection, move, EDITOR));
                    }

                    @Override
                    public OrderedList.AnchoredMoved moveNextTo(List<String> ids, String anchor, boolean after) {
                        return locked(last -> memberships.moveNextTo(last, organization, collection,
                                ids.toArray(String[]::new), anchor, after, EDITOR));
                    }

                    @Override
                    public List<OrderHistory.Entry> history() {
                        return inTransaction(() -> memberships.history(organization, collection,
                                new PageRequest(PageRequest.MAX_LIMIT, 0)));
                    }

                    @Override
                    public OrderHistory.Entry historyEntry(long revision) {
                        return inTransaction(() -> memberships.historyEntry(organization, collection, revision));
                    }

                    @Override
                    public String stranger(Random random) {
                        return "mtrack_not_a_member_" + random.nextInt(1_000_000);
                    }

                    /** As the service runs a change: the lock, then the change, which commits. */
                    private <T> T locked(Function<Statements, Uni<T>> change) {
                        return awaited(() -> transactions.run(transaction -> collections
                                .lockOwnedForReorder(transaction, owner, collection)
                                .chain(locked -> change.apply(transaction.committing()))));
                    }
                };
            }

            @Override
            public int maxSize() {
                return 10_000;
            }
        };
    }

    public Surface releases() {
        Releases.Member member = Releases.newMember();
        return new Surface() {
            @Override
            public OrderedMembers newList(int size) throws SQLException {
                String release = member.newRelease(size);
                int tenant = tenantOf(release);
                UUID releaseId = UUID.fromString(release);
                WorkspaceMember owner = new WorkspaceMember(tenant, member.userId(), false);
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
                    public boolean reorder(List<String> requested, ChangeKind kind) {
                        return locked(() -> releaseTracks.reorder(tenant, releaseId, uuids(requested), EDITOR, kind));
                    }

                    @Override
                    public OrderedList.RangeMoved moveRange(RangeMove move) {
                        return locked(() -> releaseTracks.moveRange(tenant, releaseId, move, EDITOR));
                    }

                    @Override
                    public OrderedList.AnchoredMoved moveNextTo(List<String> ids, String anchor, boolean after) {
                        return locked(() -> releaseTracks.moveNextTo(tenant, releaseId, uuids(ids),
                                UUID.fromString(anchor), after, EDITOR));
                    }

                    @Override
                    public List<OrderHistory.Entry> history() {
                        return inTransaction(() -> releaseTracks.history(tenant, releaseId, PageRequest.MAX_LIMIT, 0));
                    }

                    @Override
                    public OrderHistory.Entry historyEntry(long revision) {
                        return inTransaction(() -> releaseTracks.historyEntry(tenant, releaseId, revision));
                    }

                    @Override
                    public String stranger(Random random) {
                        return new UUID(random.nextLong(), random.nextLong()).toString();
                    }

                    private <T> T locked(Supplier<Uni<T>> change) {
                        return inTransaction(
                                () -> releases.findVisibleForReorder(owner, releaseId).chain(locked -> change.get()));
                    }
                };
            }

            @Override
            public int maxSize() {
                return 1_000;
            }
        };
    }

    private static UUID[] uuids(List<String> ids) {
        return ids.stream().map(UUID::fromString).toArray(UUID[]::new);
    }

    private static <T> T inTransaction(Supplier<Uni<T>> work) {
        return awaited(() -> Panache.withTransaction(work));
    }

    private static <T> T awaited(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new AssertionError("the change failed", e);
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
