package org.socialmedia.infra.test;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Kafka, MongoDB and PostgreSQL for integration tests: one of each per JVM, started lazily on
 * first use and shared by all tests (starting them per test class would cost seconds each time).
 *
 * <p>By default they are the embedded servers of {@code org.socialmedia.infra.embedded} (Kafka
 * and PostgreSQL with data in a temporary directory deleted at JVM exit, MongoDB in memory); with
 * {@code -Dinfra=docker} they are Testcontainers containers (Kafka, a MongoDB single-node replica
 * set, PostgreSQL), and {@code -Dinfra=auto} takes containers where a Docker engine answers.
 * Test code is the same either way.
 *
 * <p>Because the servers are shared, a test that stops one (to simulate an outage) must start it
 * again, in a {@code finally} block, before it ends.
 *
 * <p>A Spring Boot test connects to them the Spring Boot way, through connection details:
 * <pre>{@code
 * @SpringBootTest
 * @Import({TestKafka.class, TestMongo.class})
 * class SomeIT { ... }
 * }</pre>
 * or by registering the standard properties:
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestInfrastructure.registerKafka(registry);
 *     TestInfrastructure.registerMongo(registry);
 * }
 * }</pre>
 * Either way a server is only started when the application context first connects to it.
 */
public final class TestInfrastructure {

    private static Boolean docker;
    private static KafkaService kafka;
    private static MongoService mongo;
    private static PostgresService postgres;

    private TestInfrastructure() {
    }

    /** Whether the services are Testcontainers containers (true) or embedded servers (false). */
    public static synchronized boolean usesDocker() {
        if (docker == null) {
            docker = DockerDetection.useDocker();
        }
        return docker;
    }

    public static synchronized KafkaService kafka() {
        if (kafka == null) {
            kafka = usesDocker() ? ContainerServices.kafka() : EmbeddedServices.kafka();
        }
        return kafka;
    }

    public static synchronized MongoService mongo() {
        if (mongo == null) {
            mongo = usesDocker() ? ContainerServices.mongo() : EmbeddedServices.mongo();
        }
        return mongo;
    }

    public static synchronized PostgresService postgres() {
        if (postgres == null) {
            postgres = usesDocker() ? ContainerServices.postgres() : EmbeddedServices.postgres();
        }
        return postgres;
    }

    /** Sets {@code spring.kafka.bootstrap-servers}. */
    public static void registerKafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
    }

    /**
     * Sets {@code spring.mongodb.uri}, the property Spring Boot 4 reads (Boot 3's
     * {@code spring.data.mongodb.uri} is no longer bound). The URI names no database: the
     * application keeps choosing it with {@code spring.mongodb.database}.
     */
    public static void registerMongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> mongo().connectionString());
    }

    /** Sets {@code spring.datasource.url}, {@code username} and {@code password}. */
    public static void registerPostgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres().jdbcUrl());
        registry.add("spring.datasource.username", () -> postgres().username());
        registry.add("spring.datasource.password", () -> postgres().password());
    }
}
