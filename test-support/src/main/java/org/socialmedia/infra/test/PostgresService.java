package org.socialmedia.infra.test;

/**
 * A PostgreSQL server for integration tests. {@link #stop()} and {@link #start()} simulate an
 * outage and its end; the URL and the data stay the same.
 */
public interface PostgresService {

    String jdbcUrl();

    String username();

    String password();

    void stop();

    void start();
}
