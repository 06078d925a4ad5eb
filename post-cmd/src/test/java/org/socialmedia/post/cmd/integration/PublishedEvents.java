package org.socialmedia.post.cmd.integration;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;

/**
 * Event documents as post-cmd stores them, already flagged published, so that stored behind the
 * service's back only a replay sends them.
 */
final class PublishedEvents {

    private PublishedEvents() {
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
