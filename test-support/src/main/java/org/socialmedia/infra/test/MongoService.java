package org.socialmedia.infra.test;

/**
 * A MongoDB (or MongoDB wire-protocol) server for integration tests. The connection string
 * names no database: the application chooses it (for Spring Boot, {@code spring.mongodb.database}).
 */
public interface MongoService {

    /** For example {@code mongodb://127.0.0.1:40123}. */
    String connectionString();

    /**
     * A frozen peer, as {@link PostgresService#freeze()}: connections stay open, nothing answers
     * until {@link #thaw()}, and the data is kept.
     */
    void freeze();

    /** Ends {@link #freeze()}; does nothing if not frozen. */
    void thaw();
}
