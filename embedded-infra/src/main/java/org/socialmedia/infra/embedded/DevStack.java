package org.socialmedia.infra.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * One command for a local development stack without Docker: Kafka, PostgreSQL and the MongoDB
 * stand-in, with data kept in one directory between runs, until Ctrl-C.
 *
 * <pre>
 * ./mvnw -pl embedded-infra spring-boot:run                 # data in embedded-infra/.devstack
 * DEVSTACK_KAFKA_PORT=19092 ./mvnw -pl embedded-infra spring-boot:run
 * </pre>
 *
 * Ports default to the usual ones (Kafka 9092, MongoDB 27017, PostgreSQL 5432) so that the
 * services' default configuration finds them. Each setting is read from a system property, else
 * an environment variable (which also reaches the JVM that {@code spring-boot:run} forks), else
 * the default: {@code devstack.dir} / {@code DEVSTACK_DIR}, {@code devstack.kafka.port} /
 * {@code DEVSTACK_KAFKA_PORT}, {@code devstack.mongo.port} / {@code DEVSTACK_MONGO_PORT},
 * {@code devstack.postgres.port} / {@code DEVSTACK_POSTGRES_PORT}. MongoDB uses the H2 file
 * backend here, so events survive a restart of the stack.
 */
public final class DevStack {

    private DevStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        QuietLogging.rootAtInfo();
        Path dir = Path.of(setting("devstack.dir", ".devstack")).toAbsolutePath();
        int kafkaPort = Integer.parseInt(setting("devstack.kafka.port", "9092"));
        int mongoPort = Integer.parseInt(setting("devstack.mongo.port", "27017"));
        int postgresPort = Integer.parseInt(setting("devstack.postgres.port", "5432"));

        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), postgresPort);
        EmbeddedMongoServer mongo = EmbeddedMongoServer.onFile(dir.resolve("mongo").resolve("mongo.mv"), mongoPort);
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dir.resolve("kafka"), kafkaPort);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            mongo.close();
            postgres.close();
            stopped.countDown();
        }, "devstack-shutdown"));

        System.out.printf("%nDev stack running (data in %s). Ctrl-C stops it. Point the services at it with:%n", dir);
        System.out.printf("  SPRING_KAFKA_BOOTSTRAP_SERVERS=%s%n", kafka.bootstrapServers());
        System.out.printf("  SPRING_MONGODB_URI=%s%n", mongo.connectionString());
        System.out.printf("  SPRING_DATASOURCE_URL=%s%n", postgres.jdbcUrl());
        System.out.printf("  SPRING_DATASOURCE_USERNAME=%s%n", postgres.username());
        System.out.printf("  SPRING_DATASOURCE_PASSWORD=%s%n%n", postgres.password());
        stopped.await();
    }

    private static String setting(String property, String defaultValue) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
