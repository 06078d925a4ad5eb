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
 * in-memory mongo-java-server: fastest, and it keeps its data while frozen.
 */
final class EmbeddedServices {

    private static Path baseDir;
    private static final List<AutoCloseable> started = new ArrayList<>();

    private EmbeddedServices() {
    }

    static KafkaService kafka() {
        EmbeddedKafkaBroker broker = register(EmbeddedKafkaBroker.start(dir("kafka"), 0));
        return new Servers.Kafka(broker.bootstrapServers(), new Servers.Fault(broker::stop, () -> {
            if (!broker.isRunning()) {
                broker.restart();
            }
        }));
    }

    /** Behind a {@link FreezableProxy}: an in-process server has nothing else to freeze. */
    static MongoService mongo() {
        EmbeddedMongoServer server = register(EmbeddedMongoServer.inMemory(0));
        FreezableProxy proxy = register(FreezableProxy.start("127.0.0.1", server.port()));
        return new Servers.Mongo("mongodb://127.0.0.1:" + proxy.port(), new Servers.Fault(proxy::freeze, proxy::thaw));
    }

    static PostgresService postgres() {
        EmbeddedPostgresServer server = register(EmbeddedPostgresServer.start(dir("postgres"), 0));
        Servers.Fault stopped = new Servers.Fault(server::stop, () -> {
            if (!server.isRunning()) {
                server.restart();
            }
        });
        Servers.Fault frozen = new Servers.Fault(
                () -> signal("STOP", postgresProcesses(server)),
                () -> signal("CONT", postgresProcesses(server)));
        return new Servers.Postgres(server.jdbcUrl(), server.username(), server.password(), stopped, frozen);
    }

    /**
     * The postmaster (its PID is the first line of {@code postmaster.pid}) first, then every
     * backend and helper it forked: stopping the postmaster first means it forks no new backend
     * while the others are being stopped.
     */
    private static List<Long> postgresProcesses(EmbeddedPostgresServer server) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(server.dataDir().resolve("postmaster.pid")).get(0).trim());
            List<Long> pids = new ArrayList<>(List.of(postmaster));
            ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(child -> pids.add(child.pid())));
            return pids;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL is not running: no postmaster.pid", e);
        }
    }

    /** Java cannot send SIGSTOP or SIGCONT itself; {@code kill} can, to a whole list at once. */
    private static void signal(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes()).trim();
            // A backend that exited between listing and signalling is no process to freeze.
            if (kill.waitFor() != 0 && !output.lines().allMatch(line -> line.contains("No such process"))) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling PostgreSQL", e);
        }
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
