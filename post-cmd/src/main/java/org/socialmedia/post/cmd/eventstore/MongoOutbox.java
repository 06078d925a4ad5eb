package org.socialmedia.post.cmd.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Sorts.ascending;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.cmd.publication.Outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

/**
 * The {@code published} flag of the event documents, read and written for the publisher. Its
 * callers are the publication threads and the metrics, which log a failure and try again later,
 * so a store that does not answer needs no translation here.
 */
class MongoOutbox implements Outbox {

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> scanned;
    private final EventDocuments documents;
    private final UnreadableEvents unreadableEvents = new UnreadableEvents();

    /**
     * @param scanTimeout the budget of a scan for unpublished events, which reads the whole backlog
     *                    to sort it; every other call has the client's operation timeout
     */
    MongoOutbox(MongoCollection<Document> events, EventDocuments documents, Duration scanTimeout) {
        this.events = events;
        this.scanned = events.withTimeout(scanTimeout.toMillis(), TimeUnit.MILLISECONDS);
        this.documents = documents;
    }

    /**
     * Steps over an event it cannot read, and over its post's later events, which may not be
     * published before it: they stay in the store, unpublished, and hold back nothing else. Each
     * query keeps its limit (so MongoDB sorts no more than a batch's worth); when some of a full
     * page were stepped over, the next page starts after them, and after the whole of a held-back
     * post, so that a post with more later events than a batch cannot fill every scan.
     */
    @Override
    public List<RecordedEvent> unpublishedBefore(Instant storedBefore, int limit) {
        Bson unpublished = and(eq(EventDocuments.PUBLISHED, false), lt(EventDocuments.OCCURRED_AT, Date.from(storedBefore)));
        List<RecordedEvent> pending = new ArrayList<>();
        Bson page = unpublished;
        while (pending.size() < limit) {
            int wanted = limit - pending.size();
            List<Document> found = scanned.find(page)
                    .sort(ascending(EventDocuments.AGGREGATE_ID, EventDocuments.VERSION))
                    .limit(wanted)
                    .into(new ArrayList<>(wanted));
            Object heldBackPost = readAll(found, pending);
            if (found.size() < wanted) {
                break;
            }
            Bson after = after(found.get(found.size() - 1), heldBackPost);
            if (after == null) {
                break;
            }
            page = and(unpublished, after);
        }
        return pending;
    }

    /** @return the post held back by an unreadable event, the last one if several; null if none was */
    private @Nullable Object readAll(List<Document> found, List<RecordedEvent> pending) {
        Object heldBackPost = null;
        for (Document document : found) {
            Object post = document.get(EventDocuments.AGGREGATE_ID);
            if (post != null && post.equals(heldBackPost)) {
                continue;
            }
            try {
                pending.add(documents.fromDocument(document));
            } catch (UnreadableEventException unreadable) {
                heldBackPost = post;
                unreadableEvents.report(document, unreadable);
            }
        }
        return heldBackPost;
    }

    /**
     * Where the next page starts: after the whole post if the page ended inside a held-back one,
     * else after its last event; null if the last document has no position a query can resume from.
     */
    private static @Nullable Bson after(Document last, @Nullable Object heldBackPost) {
        if (!(last.get(EventDocuments.AGGREGATE_ID) instanceof String post)
                || !(last.get(EventDocuments.VERSION) instanceof Number version)) {
            return null;
        }
        if (post.equals(heldBackPost)) {
            return gt(EventDocuments.AGGREGATE_ID, post);
        }
        return or(gt(EventDocuments.AGGREGATE_ID, post),
                and(eq(EventDocuments.AGGREGATE_ID, post), gt(EventDocuments.VERSION, version.longValue())));
    }

    @Override
    public boolean isPublished(UUID aggregateId, long version) {
        Document found = events.find(and(eq(EventDocuments.AGGREGATE_ID, aggregateId.toString()), eq(EventDocuments.VERSION, version)))
                .projection(Projections.include(EventDocuments.PUBLISHED))
                .first();
        return found != null && Boolean.TRUE.equals(found.getBoolean(EventDocuments.PUBLISHED));
    }

    @Override
    public void markPublished(Collection<RecordedEvent> published) {
        if (published.isEmpty()) {
            return;
        }
        List<String> ids = published.stream().map(event -> event.eventId().toString()).toList();
        long matched = events.updateMany(in(EventDocuments.ID, ids), Updates.set(EventDocuments.PUBLISHED, true)).getMatchedCount();
        if (matched < ids.size()) {
            // Stores written before the event id became the _id: find those documents by their eventId field.
            events.updateMany(in(EventDocuments.EVENT_ID, ids), Updates.set(EventDocuments.PUBLISHED, true));
        }
    }

    @Override
    public long countUnpublished() {
        return events.countDocuments(eq(EventDocuments.PUBLISHED, false));
    }
}
