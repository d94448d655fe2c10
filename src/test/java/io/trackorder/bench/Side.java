package io.trackorder.bench;

import java.io.IOException;
import java.sql.SQLException;

/** One side of the comparison: the service or a floor, reordering the benchmark's lists. */
interface Side {

    String name();

    /** The table of member rows it writes, whose updates give its HOT share. */
    String membersTable();

    /** Reorders lists c{first}..c{last} with {@code clients} clients for {@code seconds}. */
    Run run(int clients, int seconds, Permutations orders, int first, int last)
            throws IOException, InterruptedException;

    /** Returns once PostgreSQL's table statistics count every row this side wrote. */
    void awaitStatistics() throws SQLException, InterruptedException;
}
