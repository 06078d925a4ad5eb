package org.socialmedia.infra.embedded;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercises the embedded MongoDB stand-in with the plain MongoDB sync driver, covering what the
 * event store needs: unique (aggregateId, version) index, filtered and sorted reads, ordered
 * batch inserts, and data that survives a restart.
 */
class EmbeddedMongoServerIT {

    @TempDir
    Path tempDir;

    @Test
    void uniqueCompoundIndexRejectsADuplicateVersionWithError11000() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory(0);
             MongoClient client = client(server)) {
            MongoCollection<Document> events = events(client);
            events.createIndex(Indexes.ascending("aggregateId", "version"), new IndexOptions().unique(true).name("aggregate_version"));

            events.insertOne(event("a", 1, "PostCreated"));
            events.insertOne(event("a", 2, "PostLiked"));
            events.insertOne(event("b", 1, "PostCreated"));

            assertThatThrownBy(() -> events.insertOne(event("a", 2, "PostLiked")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> {
                        assertThat(e.getError().getCode()).isEqualTo(11000);
                        assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
                    });
            assertThat(events.countDocuments(eq("aggregateId", "a"))).isEqualTo(2);
        }
    }

    @Test
    void findsWithFilterAndSortAndInsertsManyInOrder() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory(0);
             MongoClient client = client(server)) {
            MongoCollection<Document> events = events(client);
            events.createIndex(Indexes.ascending("aggregateId", "version"), new IndexOptions().unique(true));

            events.insertMany(List.of(event("a", 3, "PostLiked"), event("a", 1, "PostCreated"), event("a", 2, "MessageUpdated"),
                    event("b", 1, "PostCreated")), new InsertManyOptions().ordered(true));

            assertThat(versions(events.find(eq("aggregateId", "a")).sort(ascending("version"))))
                    .containsExactly(1, 2, 3);
            assertThat(versions(events.find(and(eq("aggregateId", "a"), gt("version", 1))).sort(ascending("version"))))
                    .containsExactly(2, 3);
            assertThat(events.find(eq("aggregateId", "a")).sort(descending("version")).limit(1).first().getInteger("version"))
                    .isEqualTo(3);
            assertThat(events.find(eq("aggregateId", "a")).sort(ascending("version")).first().get("data", Document.class).getString("type"))
                    .isEqualTo("PostCreated");

            // ordered=true stops at the first failure: version 4 is stored, the duplicate 2 fails, 5 is not attempted
            assertThatThrownBy(() -> events.insertMany(List.of(event("a", 4, "PostLiked"), event("a", 2, "PostLiked"),
                    event("a", 5, "PostLiked")), new InsertManyOptions().ordered(true)))
                    .isInstanceOfSatisfying(MongoBulkWriteException.class, e -> {
                        assertThat(e.getWriteErrors()).hasSize(1);
                        assertThat(e.getWriteErrors().get(0).getCode()).isEqualTo(11000);
                        assertThat(e.getWriteErrors().get(0).getIndex()).isEqualTo(1);
                    });
            assertThat(versions(events.find(eq("aggregateId", "a")).sort(ascending("version"))))
                    .containsExactly(1, 2, 3, 4);
        }
    }

    @Test
    void inMemoryDataSurvivesAStopAndRestartOnTheSamePort() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory(0)) {
            String connectionString = server.connectionString();
            try (MongoClient client = client(server)) {
                events(client).insertOne(event("a", 1, "PostCreated"));
            }

            server.stop();
            try (MongoClient client = client(server)) {
                assertThatThrownBy(() -> events(client).countDocuments()).isInstanceOf(MongoTimeoutException.class);
            }

            server.restart();
            assertThat(server.connectionString()).isEqualTo(connectionString);
            try (MongoClient client = client(server)) {
                assertThat(events(client).countDocuments()).isEqualTo(1);
            }
        }
    }

    @Test
    void fileBackendKeepsDataAndIndexesAcrossRestartAndNewServer() {
        Path file = tempDir.resolve("mongo/data.mv");
        int port;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onFile(file, 0)) {
            port = server.port();
            try (MongoClient client = client(server)) {
                MongoCollection<Document> events = events(client);
                events.createIndex(Indexes.ascending("aggregateId", "version"), new IndexOptions().unique(true));
                events.insertMany(List.of(event("a", 1, "PostCreated"), event("a", 2, "PostLiked")));
            }
            server.restart();
            try (MongoClient client = client(server)) {
                assertThat(versions(events(client).find(eq("aggregateId", "a")).sort(ascending("version")))).containsExactly(1, 2);
            }
        }
        // A new server (as after a JVM restart) on the same file and port sees the data and the unique index.
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onFile(file, port);
             MongoClient client = client(server)) {
            MongoCollection<Document> events = events(client);
            assertThat(events.countDocuments()).isEqualTo(2);
            assertThatThrownBy(() -> events.insertOne(event("a", 2, "PostLiked")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getError().getCode()).isEqualTo(11000));
        }
    }

    @Test
    void exactlyOneOfFiftyConcurrentAppendsOfTheSameVersionWins() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory(0);
             MongoClient client = client(server)) {
            MongoCollection<Document> events = events(client);
            events.createIndex(Indexes.ascending("aggregateId", "version"), new IndexOptions().unique(true));
            ExecutorService pool = Executors.newFixedThreadPool(50);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> appends = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    appends.add(pool.submit(() -> {
                        go.await();
                        try {
                            events.insertOne(event("a", 2, "PostLiked"));
                            return true;
                        } catch (MongoWriteException e) {
                            assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
                            return false;
                        }
                    }));
                }
                go.countDown();
                int won = 0;
                for (Future<Boolean> append : appends) {
                    won += append.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).isEqualTo(1);
                assertThat(events.countDocuments(eq("aggregateId", "a"))).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Spring Boot 4's MongoHealthIndicator runs exactly this command. */
    @Test
    void answersTheHelloCommandForHealthChecks() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory(0);
             MongoClient client = client(server)) {
            Document reply = client.getDatabase("socialMedia").runCommand(Document.parse("{ hello: 1 }"));
            assertThat(reply.get("ok", Number.class).intValue()).isEqualTo(1);
            assertThat(reply.getBoolean("isWritablePrimary")).isTrue();
            assertThat(reply.getInteger("maxWireVersion")).isGreaterThanOrEqualTo(8);
        }
    }

    static MongoClient client(EmbeddedMongoServer server) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(1500, TimeUnit.MILLISECONDS))
                .build());
    }

    static MongoCollection<Document> events(MongoClient client) {
        return client.getDatabase("socialMedia").getCollection("eventStore");
    }

    static Document event(String aggregateId, int version, String type) {
        return new Document("aggregateId", aggregateId).append("version", version).append("type", type)
                .append("data", new Document("type", type));
    }

    private static List<Integer> versions(Iterable<Document> documents) {
        List<Integer> versions = new ArrayList<>();
        documents.forEach(d -> versions.add(d.getInteger("version")));
        return versions;
    }
}
