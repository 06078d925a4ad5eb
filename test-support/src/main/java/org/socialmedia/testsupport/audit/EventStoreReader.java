package org.socialmedia.testsupport.audit;

import java.util.function.Consumer;

import org.bson.Document;
import org.socialmedia.post.common.event.PostEvent;
import org.socialmedia.post.common.wire.PostEventCodec;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;

/** Reads the event store directly: the source of truth that read models are checked against. */
public final class EventStoreReader implements AutoCloseable {

    public record StoredEvent(String postId, long version, PostEvent event) {
    }

    private final MongoClient client;
    private final MongoCollection<Document> events;
    private final PostEventCodec codec = new PostEventCodec();

    public EventStoreReader(String mongoUri) {
        client = MongoClients.create(mongoUri);
        events = client.getDatabase("socialMedia").getCollection("eventStore");
    }

    public long count() {
        return events.countDocuments();
    }

    /** Every event, each post's in version order. */
    public void forEach(Consumer<StoredEvent> consumer) {
        for (Document document : events.find().sort(Sorts.ascending("aggregateId", "version")).batchSize(5000)) {
            consumer.accept(new StoredEvent(document.getString("aggregateId"), ((Number) document.get("version")).longValue(),
                    codec.eventOf(document.getString("type"), document.get("data", Document.class))));
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
