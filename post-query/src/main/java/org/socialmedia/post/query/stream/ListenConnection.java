package org.socialmedia.post.query.stream;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.PGProperty;
import org.socialmedia.post.query.readmodel.AnnouncedChange;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * A connection of its own, opened with the application's database settings but outside its pool,
 * that listens for the projection's announcements. Held for the instance's lifetime, it would
 * only take a pooled connection away from the lookups; and a pool may replace its connections at
 * any time, which would silently end the listening.
 */
final class ListenConnection implements AutoCloseable {

    /** How the connection shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "post-query live stream";

    private final Connection connection;
    private final PGConnection postgres;

    private ListenConnection(Connection connection) throws SQLException {
        this.connection = connection;
        this.postgres = connection.unwrap(PGConnection.class);
    }

    static ListenConnection open(JdbcConnectionDetails database, Duration checkTimeout) throws SQLException {
        Properties settings = new Properties();
        if (database.getUsername() != null) {
            settings.setProperty(PGProperty.USER.getName(), database.getUsername());
        }
        if (database.getPassword() != null) {
            settings.setProperty(PGProperty.PASSWORD.getName(), database.getPassword());
        }
        settings.setProperty(PGProperty.APPLICATION_NAME.getName(), APPLICATION_NAME);
        // Seconds; as for the pool: a live server answers in milliseconds.
        settings.setProperty(PGProperty.CONNECT_TIMEOUT.getName(), "3");
        settings.setProperty(PGProperty.LOGIN_TIMEOUT.getName(), "3");
        settings.setProperty(PGProperty.SOCKET_TIMEOUT.getName(), Long.toString(Math.max(1, checkTimeout.toSeconds())));
        settings.setProperty(PGProperty.TCP_KEEP_ALIVE.getName(), "true");
        Connection connection = DriverManager.getConnection(database.getJdbcUrl(), settings);
        try {
            connection.setAutoCommit(true);
            try (Statement listen = connection.createStatement()) {
                listen.execute("listen " + AnnouncedChange.CHANNEL);
            }
            return new ListenConnection(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** The payloads that arrived, waiting up to the timeout for the first; empty if none came. */
    List<String> await(Duration timeout) throws SQLException {
        PGNotification[] notifications = postgres.getNotifications((int) Math.max(1, timeout.toMillis()));
        List<String> payloads = new ArrayList<>();
        if (notifications != null) {
            for (PGNotification notification : notifications) {
                payloads.add(notification.getParameter());
            }
        }
        return payloads;
    }

    /** A round trip: the only way to learn that a silent connection is dead rather than idle. */
    void check() throws SQLException {
        try (Statement ping = connection.createStatement()) {
            ping.execute("select 1");
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException alreadyGone) {
            // Closing a broken connection is all that was left to do with it.
        }
    }
}
