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
}
