package org.socialmedia.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.socialmedia.infra.embedded.EmbeddedKafkaBroker;
import org.socialmedia.infra.embedded.EmbeddedMongoServer;
import org.socialmedia.infra.embedded.EmbeddedPostgresServer;

/**
 * The embedded flavour of the test infrastructure, used where no Docker engine is reachable.
 *
 * <p>All data lives under one temporary directory per JVM, which is deleted at JVM exit after
 * the servers have been stopped (a shutdown hook; the servers are stopped first so that
 * PostgreSQL and Kafka do not write into a directory that is being deleted). MongoDB is the
 * in-memory mongo-java-server: fastest, and it still keeps its data across a simulated outage.
 */
final class EmbeddedServices {

    private static Path baseDir;
    private static final List<AutoCloseable> started = new ArrayList<>();

    private EmbeddedServices() {
    }

    static KafkaService kafka() {
        EmbeddedKafkaBroker broker = register(EmbeddedKafkaBroker.start(dir("kafka"), 0));
        return new Servers.Kafka(broker.bootstrapServers(), broker::stop, () -> {
            if (!broker.isRunning()) {
                broker.restart();
            }
        });
    }

    static MongoService mongo() {
        EmbeddedMongoServer server = register(EmbeddedMongoServer.inMemory(0));
        return new Servers.Mongo(server.connectionString(), server::stop, () -> {
            if (!server.isRunning()) {
                server.restart();
            }
        });
    }

    static PostgresService postgres() {
        EmbeddedPostgresServer server = register(EmbeddedPostgresServer.start(dir("postgres"), 0));
        return new Servers.Postgres(server.jdbcUrl(), server.username(), server.password(), server::stop, () -> {
            if (!server.isRunning()) {
                server.restart();
            }
        });
    }

    private static synchronized <T extends AutoCloseable> T register(T server) {
        started.add(server);
        return server;
    }

    private static synchronized Path dir(String name) {
        try {
            if (baseDir == null) {
                baseDir = Files.createTempDirectory("socialmedia-test-infra-");
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServices::shutdown, "test-infra-shutdown"));
            }
            return Files.createDirectories(baseDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the test infrastructure", e);
        }
    }

    private static void shutdown() {
        List<AutoCloseable> servers;
        Path dir;
        synchronized (EmbeddedServices.class) {
            servers = new ArrayList<>(started);
            dir = baseDir;
        }
        for (AutoCloseable server : servers) {
            try {
                server.close();
            } catch (Exception ignored) {
                // best effort at JVM exit
            }
        }
        deleteRecursively(dir);
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort at JVM exit
                }
            });
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
