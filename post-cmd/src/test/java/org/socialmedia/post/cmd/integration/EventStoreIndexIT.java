package org.socialmedia.post.cmd.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.domain.ConcurrencyException;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.event.PostEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

class EventStoreIndexIT extends IntegrationTest {

    @Autowired
    EventStore store;

    @Autowired
    MongoTemplate mongo;

    private static RecordedEvent event(UUID post, long version, PostEvent event) {
        return new RecordedEvent(UUID.randomUUID(), post, "Post", version, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                Map.of(), event);
    }

    @Test
    void aSecondAppendOfTheSameVersionIsRefusedAndNothingOfItIsStored() {
        UUID post = UUID.randomUUID();
        store.append(post, 0, List.of(event(post, 1, new PostEvent.PostCreated("alice", "first", Instant.now()))));

        assertThatThrownBy(() -> store.append(post, 0, List.of(event(post, 1, new PostEvent.PostCreated("mallory", "second", Instant.now())))))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(store.readStream(post, 0)).singleElement()
                .extracting(recorded -> ((PostEvent.PostCreated) recorded.event()).author()).isEqualTo("alice");
    }

    @Test
    void theDatabaseItselfRefusesADuplicateVersion() {
        UUID post = UUID.randomUUID();
        store.append(post, 0, List.of(event(post, 1, new PostEvent.PostCreated("alice", "first", Instant.now()))));
        Document copy = mongo.getCollection("eventStore").find(new Document("aggregateId", post.toString())).first();
        String otherEventId = UUID.randomUUID().toString();
        copy.put("_id", otherEventId);
        copy.put("eventId", otherEventId);

        assertThatThrownBy(() -> mongo.getCollection("eventStore").insertOne(copy))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    @Test
    void storedDocumentHasTheEnvelopesFields() {
        UUID post = api().createPost("alice", "stored as a document").id();

        Document stored = mongo.getCollection("eventStore").find(new Document("aggregateId", post.toString())).first();

        assertThat(stored).containsKeys("eventId", "type", "aggregateId", "aggregateType", "version", "occurredAt", "metadata", "data");
        assertThat(stored.get("_id")).isEqualTo(stored.getString("eventId"));
        assertThat(stored.getString("type")).isEqualTo("PostCreated");
        assertThat(stored.getString("aggregateType")).isEqualTo("Post");
        assertThat(stored.get("data", Document.class)).containsEntry("author", "alice").containsEntry("message", "stored as a document");
        assertThat(mongo.getDb().getName()).isEqualTo("socialMedia");
    }

    @Test
    void aRunOfEventsIsStoredInOneOrderedWrite() {
        UUID post = UUID.randomUUID();
        store.append(post, 0, List.of(event(post, 1, new PostEvent.PostCreated("alice", "first", Instant.now()))));

        int stored = store.appendInOrder(post, 1, List.of(
                event(post, 2, new PostEvent.PostLiked("bob")),
                event(post, 3, new PostEvent.PostLiked("carol")),
                event(post, 4, new PostEvent.PostLiked("dave"))));

        assertThat(stored).isEqualTo(3);
        assertThat(store.readStream(post, 0)).extracting(RecordedEvent::version).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aRunStopsAtTheFirstVersionAnotherWriterTookAndKeepsWhatCameBefore() {
        UUID post = UUID.randomUUID();
        store.append(post, 0, List.of(event(post, 1, new PostEvent.PostCreated("alice", "first", Instant.now()))));
        store.append(post, 1, List.of(event(post, 2, new PostEvent.PostLiked("bob"))));
        // Another writer's version 4, in the store before this writer's run 3..5 reaches it: the
        // moment after this writer's 3 is in, as the database sees it.
        // (A copy of version 2, marked published so that this instance's publisher leaves it alone.)
        String takenId = UUID.randomUUID().toString();
        mongo.getCollection("eventStore").insertOne(new Document(mongo.getCollection("eventStore")
                .find(new Document("aggregateId", post.toString()).append("version", 2L)).first())
                .append("_id", takenId).append("eventId", takenId).append("version", 4L).append("published", true));

        int stored = store.appendInOrder(post, 2, List.of(
                event(post, 3, new PostEvent.PostLiked("carol")),
                event(post, 4, new PostEvent.PostLiked("dave")),
                event(post, 5, new PostEvent.PostLiked("erin"))));

        assertThat(stored).isEqualTo(1);
        assertThat(mongo.getCollection("eventStore").countDocuments(new Document("aggregateId", post.toString()))).isEqualTo(4);
        assertThat(mongo.getCollection("eventStore").countDocuments(new Document("aggregateId", post.toString()).append("version", 5L)))
                .as("nothing after the refused version").isZero();
    }
}
