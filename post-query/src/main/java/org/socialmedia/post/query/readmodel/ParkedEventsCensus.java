package org.socialmedia.post.query.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts the parked events and the age of the oldest, for the projection's monitor. It must not
 * wait for a database that does not answer, so it talks to the connection itself.
 */
public final class ParkedEventsCensus {

    private static final String COUNT = """
            select count(*), coalesce(extract(epoch from now() - min(parked_at)), 0) from parked_event""";

    private final JdbcTemplate jdbc;

    ParkedEventsCensus(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DataAccessException if the database did not answer in about the timeout */
    public ParkedEvents take(Duration timeout) {
        return jdbc.execute((ConnectionCallback<ParkedEvents>) connection -> count(connection, timeout));
    }

    private static ParkedEvents count(Connection connection, Duration timeout) throws SQLException {
        // The query timeout asks the server to cancel, which a frozen server never does; the
        // network timeout stops waiting for it anyway. The pool restores the connection's own.
        connection.setNetworkTimeout(Runnable::run, (int) timeout.multipliedBy(2).toMillis());
        try (PreparedStatement statement = connection.prepareStatement(COUNT)) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new ParkedEvents(row.getLong(1), row.getDouble(2));
            }
        }
    }
}
