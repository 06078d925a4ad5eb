package org.socialmedia.infra.test;

/**
 * A Kafka broker for integration tests, whichever way it is provided (embedded or a container).
 * {@link #stop()} and {@link #start()} simulate an outage and its end; the bootstrap address
 * stays the same.
 */
public interface KafkaService {

    String bootstrapServers();

    /** Makes the broker unreachable until {@link #start()}; data is kept. */
    void stop();

    /** Makes a stopped broker reachable again; does nothing if it is running. */
    void start();
}
