package org.socialmedia.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server speaking the MongoDB wire protocol, implemented in Java by
 * {@code de.bwaldvogel:mongo-java-server}, with either an in-memory or an H2 file backend.
 *
 * <p>Why: no {@code mongod} binary can be installed on the build machines and there is no
 * Docker engine. mongo-java-server is not MongoDB: it is a standalone server without sessions
 * (so no transactions, and any explicit {@code ClientSession} is refused by the driver), it
 * ignores collations, has change streams only with an oplog (not enabled here), and supports a
 * subset of query and aggregation operators. It does enforce unique indexes (error 11000, also
 * under concurrent inserts), which is what the event store's optimistic concurrency relies on.
 * Code only against what real MongoDB also does, and test against a real one where Docker exists.
 *
 * <p>The server announces {@link ServerVersion#MONGO_5_0}: the MongoDB Java driver 5.x refuses
 * servers whose maximum wire version is below 8 (MongoDB 4.2), and mongo-java-server's default
 * announcement (3.6, wire version 6) is too old for it. {@code MONGO_5_0} announces wire version 8.
 *
 * <p>It also answers the {@code hello} command, which mongo-java-server 1.47 does not know but
 * Spring Boot 4's MongoDB health indicator sends ({@code { hello: 1 }}); without it the
 * application's health and readiness would report MongoDB as down.
 *
 * <p>{@link #stop()} closes the listening socket and every client connection, so clients see a
 * real outage; {@link #restart()} listens again on the same port. Data survives a stop/restart
 * for both backends: the memory backend is kept in this object, the file backend is reopened
 * from its file. Only {@link #close()} discards in-memory data.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    private static final String HOST = "127.0.0.1";

    private final int port;
    private final Path file;
    private final Supplier<MongoBackend> backendFactory;
    private KeptMemoryBackend memory;
    private MongoServer server;

    private EmbeddedMongoServer(int port, Path file) {
        this.port = port;
        this.file = file;
        this.backendFactory = file == null ? this::memoryBackend : () -> new HelloH2Backend(file.toString());
    }

    /** A server whose data lives in this JVM's heap (kept across stop/restart, lost on close). */
    public static EmbeddedMongoServer inMemory(int port) {
        EmbeddedMongoServer server = new EmbeddedMongoServer(FreePorts.resolve(port), null);
        server.startServer();
        return server;
    }

    /**
     * A server whose data lives in an H2 MVStore file, so it survives a restart of the server and
     * of the JVM. The parent directory is created if needed.
     *
     * @param port the port, or 0 to choose a free port once and keep it for restarts
     */
    public static EmbeddedMongoServer onFile(Path file, int port) {
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory for " + absolute, e);
        }
        EmbeddedMongoServer server = new EmbeddedMongoServer(FreePorts.resolve(port), absolute);
        server.startServer();
        return server;
    }

    /** For example {@code mongodb://127.0.0.1:40123}; no database, stable across restarts. */
    public String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops listening and drops all client connections; the data is kept (see class comment). */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        MongoServer running = server;
        server = null;
        // shutdownNow: close the server socket and every open client connection, then close the
        // backend (which flushes and closes the H2 file; the memory backend ignores it).
        running.shutdownNow();
    }

    /** Stops the server if it is running and listens again on the same port with the same data. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    /** Stops the server and discards in-memory data. */
    @Override
    public synchronized void close() {
        stop();
        if (memory != null) {
            memory.discard();
            memory = null;
        }
    }

    private synchronized void startServer() {
        if (server != null) {
            return;
        }
        // mongo-java-server logs every client connect/disconnect at INFO.
        QuietLogging.atWarn("de.bwaldvogel.mongo");
        MongoBackend backend = backendFactory.get();
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer candidate = new MongoServer(backend);
        candidate.bind(HOST, port);
        server = candidate;
        LOG.info("Embedded MongoDB wire server started on {} ({})", connectionString(), file == null ? "in memory" : file);
    }

    private MongoBackend memoryBackend() {
        if (memory == null) {
            memory = new KeptMemoryBackend();
        }
        return memory;
    }

    @Override
    public String toString() {
        return "EmbeddedMongoServer[" + connectionString() + ", " + (file == null ? "in memory" : "file=" + file)
                + ", running=" + isRunning() + "]";
    }

    private static boolean isHello(String command) {
        return "hello".equalsIgnoreCase(command);
    }

    /**
     * {@code hello} replaced the legacy {@code isMaster} (MongoDB 4.4.2+) and answers the same,
     * with {@code isWritablePrimary} in place of {@code ismaster}.
     */
    private static Document asHelloReply(Document isMasterReply) {
        isMasterReply.put("isWritablePrimary", Boolean.TRUE);
        return isMasterReply;
    }

    private static final class HelloH2Backend extends H2Backend {
        HelloH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if (isHello(command)) {
                return asHelloReply(super.handleCommand(channel, databaseName, "isMaster", query));
            }
            return super.handleCommand(channel, databaseName, command, query);
        }
    }

    /**
     * {@link MongoServer#shutdown()} closes its backend, and closing a {@link MemoryBackend} drops
     * all databases. A real MongoDB keeps its data through an outage, so this backend ignores the
     * close that comes with a stop and only really closes on {@link #discard()}.
     */
    private static final class KeptMemoryBackend extends MemoryBackend {
        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if (isHello(command)) {
                return asHelloReply(super.handleCommand(channel, databaseName, "isMaster", query));
            }
            return super.handleCommand(channel, databaseName, command, query);
        }

        @Override
        public void close() {
            // kept for the next start; see discard()
        }

        void discard() {
            super.close();
        }
    }
}
