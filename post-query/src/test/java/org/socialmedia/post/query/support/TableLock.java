package org.socialmedia.post.query.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * An exclusive lock on a table, held in a transaction of its own until closed, the way a stuck
 * migration or a transaction left open in psql holds one: whoever needs the table waits, and
 * nothing fails.
 */
public final class TableLock implements AutoCloseable {

    private final Connection connection;

    private TableLock(Connection connection) {
        this.connection = connection;
    }

    public static TableLock exclusive(DataSource dataSource, String table) {
        try {
            Connection connection = dataSource.getConnection();
            try (Statement lock = connection.createStatement()) {
                connection.setAutoCommit(false);
                lock.execute("lock table " + table + " in access exclusive mode");
                return new TableLock(connection);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock table " + table, e);
        }
    }

    @Override
    public void close() {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the table lock", e);
        }
    }
}
