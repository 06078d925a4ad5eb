package org.socialmedia.post.query.projection.monitor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts the parked events once per refresh, so that a scrape never waits for the database, and a
 * database that does not answer makes the figures unknown instead of holding the scrape.
 */
public final class ParkedEventsMonitor {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventsMonitor.class);

    private static final String COUNT = """
            select count(*), coalesce(extract(epoch from now() - min(parked_at)), 0) from parked_event""";

    private final JdbcTemplate jdbc;
    private final Duration timeout;
    private volatile ParkedEvents parked = ParkedEvents.UNKNOWN;

    public ParkedEventsMonitor(JdbcTemplate jdbc, Duration timeout) {
        this.jdbc = jdbc;
        this.timeout = timeout;
    }

    ParkedEvents parked() {
        return parked;
    }

    /** Counts again. Called by one thread at a time, never the projection's. */
    void refresh() {
        try {
            parked = jdbc.execute((ConnectionCallback<ParkedEvents>) this::count);
        } catch (RuntimeException unreachable) {
            log.debug("parked events not counted", unreachable);
            parked = ParkedEvents.UNKNOWN;
        }
    }

    private ParkedEvents count(Connection connection) throws SQLException {
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
