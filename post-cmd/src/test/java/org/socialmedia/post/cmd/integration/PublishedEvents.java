package org.socialmedia.post.cmd.integration;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Event documents as post-cmd stores them, already flagged published, so that stored behind the
 * service's back only a replay sends them.
 */
final class PublishedEvents {

    private PublishedEvents() {
    }

    /**
     * Stores the documents through the service's own client, with a budget for thousands of
     * them: the service's calls get 2 s each, which the H2-backed MongoDB stand-in of the Docker
     * tests can take for such a batch.
     */
    static void storeBehindTheServicesBack(MongoTemplate mongo, List<Document> events) {
        mongo.getCollection("eventStore").withTimeout(1, TimeUnit.MINUTES).insertMany(events);
    }

    /** Version 1 creates the post, every later one is a like. */
    static Document publishedLike(UUID post, long version) {
        String eventId = UUID.randomUUID().toString();
        Document data = version == 1
                ? new Document("author", "alice").append("message", "replayed").append("datePosted", Instant.now().toString())
                : new Document("username", "fan-" + version);
        return new Document("_id", eventId).append("eventId", eventId)
                .append("type", version == 1 ? "PostCreated" : "PostLiked")
                .append("aggregateId", post.toString()).append("aggregateType", "Post").append("version", version)
                .append("occurredAt", Date.from(Instant.now())).append("metadata", new Document())
                .append("data", data).append("published", true);
    }
}
