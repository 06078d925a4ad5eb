package org.socialmedia.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Holds post-query's projection back without touching post-query: a transaction of the
 * benchmark's own takes PostgreSQL's SHARE lock on the read table every applied event updates.
 * Writes wait for it; reads do not, so lookups go on answering the read model as it was. Commands
 * sent meanwhile pile up on the topic as a real backlog, which the projection applies, event by
 * event as in production, once the hold is released: as after a slow migration, a long vacuum or
 * a restart of post-query.
 *
 * <p>post-query bounds every statement (its {@code statement_timeout}, 10 s by default), lock waits
 * included: a hold must stay well inside it, or the projection's batch fails and is retried with
 * back-off, which would measure the back-off instead of the backlog.
 */
final class ProjectionHold implements AutoCloseable {

    private final Connection db;

    private ProjectionHold(Connection db) {
        this.db = db;
    }

    static ProjectionHold take(BenchOptions.Target target) throws SQLException {
        Connection db = DriverManager.getConnection(target.jdbcUrl(), target.jdbcUser(), target.jdbcPassword());
        try {
            db.setAutoCommit(false);
            try (Statement lock = db.createStatement()) {
                lock.execute("lock table post in share mode");
            }
            return new ProjectionHold(db);
        } catch (SQLException e) {
            db.close();
            throw e;
        }
    }

    /** Lets the projection go on: its waiting batch goes first, then the backlog. */
    @Override
    public void close() throws SQLException {
        try {
            db.rollback();
        } finally {
            db.close();
        }
    }
}
