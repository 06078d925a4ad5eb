package org.socialmedia.infra.test;

/**
 * A PostgreSQL server for integration tests, and the two ways production loses one. The URL and
 * the data stay the same across either.
 */
public interface PostgresService {

    String jdbcUrl();

    String username();

    String password();

    /**
     * A clean outage: the server shuts down, open connections are closed and new ones refused
     * until {@link #start()}. What clients see when a database restarts.
     */
    void stop();

    /** Ends {@link #stop()}; does nothing if the server runs. */
    void start();

    /**
     * A frozen peer: connections stay open and new ones may still be accepted by the operating
     * system, but nothing answers until {@link #thaw()}. What clients see of a paused VM, a
     * half-open connection after a failover or a network partition: only their own timeouts end
     * the wait.
     */
    void freeze();

    /** Ends {@link #freeze()}; the requests that waited are answered. Does nothing if not frozen. */
    void thaw();
}
