package io.trackorder.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.trackorder.support.ServiceDatabase;

/** Row updates of a table and how many of them were heap-only (HOT), from pg_stat_user_tables. */
record Updates(long all, long hot) {

    static final Updates NONE = new Updates(0, 0);

    static Updates of(ServiceDatabase database, String table) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relid = CAST(? AS regclass)")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Updates(row.getLong(1), row.getLong(2));
            }
        }
    }

    Updates plus(Updates other) {
        return new Updates(all + other.all, hot + other.hot);
    }

    Updates minus(Updates other) {
        return new Updates(all - other.all, hot - other.hot);
    }

    double hotShare() {
        return all == 0 ? Double.NaN : (double) hot / all;
    }
}
