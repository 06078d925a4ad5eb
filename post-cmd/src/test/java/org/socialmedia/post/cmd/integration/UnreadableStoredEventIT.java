package org.socialmedia.post.cmd.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialmedia.post.cmd.integration.PublishedEvents.publishedLike;
import static org.socialmedia.post.cmd.integration.PublishedEvents.storeBehindTheServicesBack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

/**
 * A stored event that this version cannot read (a type a newer version writes during a rolling
 * upgrade, or a document damaged by hand) holds back its own post's later events, which may not
 * overtake it, and nothing else: the outbox scan steps over them to every other post's events.
 */
class UnreadableStoredEventIT extends IntegrationTest {

    /** More than a scan takes at once (app.publication.batch-size). */
    private static final int LATER_EVENTS = 600;

    @Autowired
    MongoTemplate mongo;

    /** Sorts before every other post in the store, so that the scan meets it first. */
    private final UUID blocked = UUID.fromString(
            "00000000-0000-4000-8000-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4));
    private final UUID other = UUID.randomUUID();

    @Test
    void onlyItsOwnPostsLaterEventsWaitForIt() {
        List<Document> stored = new ArrayList<>();
        stored.add(unpublished(publishedLike(blocked, 1)));
        stored.add(unpublished(publishedLike(blocked, 2)).append("type", "PostPinned"));
        for (long version = 3; version < 3 + LATER_EVENTS; version++) {
            stored.add(unpublished(publishedLike(blocked, version)));
        }
        for (long version = 1; version <= 3; version++) {
            stored.add(unpublished(publishedLike(other, version)));
        }
        storeBehindTheServicesBack(mongo, stored);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(topic().eventsOf(other)).extracting(RecordedEvent::version).containsExactly(1L, 2L, 3L));
        assertThat(topic().eventsOf(blocked)).extracting(RecordedEvent::version).containsExactly(1L);
        assertThat(mongo.getCollection("eventStore")
                .countDocuments(Filters.and(Filters.eq("aggregateId", blocked.toString()), Filters.eq("published", false))))
                .isEqualTo(1 + LATER_EVENTS);
    }

    /** The store is shared with the other tests, whose replays must not meet the unreadable event. */
    @AfterEach
    void removeThem() {
        mongo.getCollection("eventStore").deleteMany(Filters.in("aggregateId", blocked.toString(), other.toString()));
    }

    private static Document unpublished(Document event) {
        return event.append("published", false);
    }
}
