package org.socialmedia.post.cmd.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Sorts.ascending;
import static org.socialmedia.post.cmd.eventstore.StoreUnavailableException.outcomeUnknown;
import static org.socialmedia.post.cmd.eventstore.StoreUnavailableException.translated;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.bson.Document;
import org.socialmedia.cqrs.domain.ConcurrencyException;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.cqrs.eventstore.RecordedEvent;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.cursor.TimeoutMode;

/**
 * The event store on MongoDB: collection {@code eventStore}, one document per event.
 *
 * <p>Appends rely on the unique index on (aggregateId, version), never on a read-then-check:
 * two writers that decided on the same version both try to insert it, and the database lets
 * exactly one succeed. That needs single-document atomicity only, so it holds on any MongoDB
 * deployment and on MongoDB-wire servers without transactions.
 *
 * <p>A store that does not answer in time is a {@link StoreUnavailableException} (503): a read
 * changed nothing, an append has an unknown outcome, which its answer says.
 */
class MongoEventStore implements EventStore {

    private final MongoCollection<Document> events;
    private final EventDocuments documents;

    MongoEventStore(MongoCollection<Document> events, EventDocuments documents) {
        this.events = events;
        this.documents = documents;
    }

    /**
     * Appends exactly one event: without multi-document transactions, an append of several
     * documents could be half stored when a concurrent writer takes a later version, so the store
     * refuses batches rather than pretend they are atomic. Every post command raises at most one.
     */
    @Override
    public void append(UUID aggregateId, long expectedVersion, List<RecordedEvent> newEvents) {
        if (newEvents.size() != 1) {
            throw new IllegalArgumentException("the MongoDB event store appends one event at a time, got " + newEvents.size());
        }
        RecordedEvent event = newEvents.get(0);
        if (!event.aggregateId().equals(aggregateId) || event.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("event " + event.aggregateId() + "@" + event.version()
                    + " does not continue " + aggregateId + "@" + expectedVersion);
        }
        Document document = documents.toDocument(event);
        translated(() -> {
            try {
                return events.insertOne(document);
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    throw new ConcurrencyException(aggregateId, expectedVersion);
                }
                throw e;
            }
        }, unavailable -> outcomeUnknown(aggregateId, event.version(), unavailable));
    }

    /**
     * Appends a run of events with one ordered multi-document insert: MongoDB inserts them in
     * order and stops at the first refused one, so a concurrent writer that took version v+j
     * leaves v+1..v+j-1 stored and nothing after them, the prefix the contract promises. Each
     * insert is still atomic on its own; no transaction is assumed.
     */
    @Override
    public int appendInOrder(UUID aggregateId, long expectedVersion, List<RecordedEvent> newEvents) {
        if (newEvents.isEmpty()) {
            return 0;
        }
        List<Document> run = new ArrayList<>(newEvents.size());
        long version = expectedVersion;
        for (RecordedEvent event : newEvents) {
            if (!event.aggregateId().equals(aggregateId) || event.version() != ++version) {
                throw new IllegalArgumentException("event " + event.aggregateId() + "@" + event.version()
                        + " does not continue " + aggregateId + "@" + (version - 1));
            }
            run.add(documents.toDocument(event));
        }
        return translated(() -> {
            try {
                events.insertMany(run, new InsertManyOptions().ordered(true));
                return run.size();
            } catch (MongoBulkWriteException e) {
                return storedBeforeTakenVersion(e);
            }
        }, unavailable -> outcomeUnknown(aggregateId, expectedVersion + 1, unavailable));
    }

    private static int storedBeforeTakenVersion(MongoBulkWriteException e) {
        BulkWriteError first = e.getWriteErrors().stream().min(Comparator.comparingInt(BulkWriteError::getIndex)).orElseThrow(() -> e);
        if (ErrorCategory.fromErrorCode(first.getCode()) != ErrorCategory.DUPLICATE_KEY || e.getWriteConcernError() != null) {
            throw e;
        }
        return first.getIndex();
    }

    @Override
    public List<RecordedEvent> readStream(UUID aggregateId, long afterVersion) {
        return translated(() -> {
            List<RecordedEvent> stream = new ArrayList<>();
            events.find(and(eq(EventDocuments.AGGREGATE_ID, aggregateId.toString()), gt(EventDocuments.VERSION, afterVersion)))
                    .sort(ascending(EventDocuments.VERSION))
                    .forEach(document -> stream.add(documents.fromDocument(document)));
            return stream;
        }, StoreUnavailableException::nothingChanged);
    }

    /**
     * Reads the whole store for as long as its consumer takes (a replay waits for the broker
     * between batches), so the operation timeout bounds each batch the cursor fetches, not the
     * cursor's whole life.
     */
    @Override
    public long readAll(int batchSize, Consumer<List<RecordedEvent>> batchConsumer) {
        return translated(() -> readAllInBatches(batchSize, batchConsumer), StoreUnavailableException::nothingChanged);
    }

    private long readAllInBatches(int batchSize, Consumer<List<RecordedEvent>> batchConsumer) {
        long count = 0;
        List<RecordedEvent> batch = new ArrayList<>(batchSize);
        FindIterable<Document> all = events.find()
                .sort(ascending(EventDocuments.AGGREGATE_ID, EventDocuments.VERSION))
                .batchSize(batchSize);
        if (events.getTimeout(TimeUnit.MILLISECONDS) != null) {
            all = all.timeoutMode(TimeoutMode.ITERATION);
        }
        try (MongoCursor<Document> cursor = all.iterator()) {
            while (cursor.hasNext()) {
                batch.add(documents.fromDocument(cursor.next()));
                count++;
                if (batch.size() == batchSize) {
                    batchConsumer.accept(List.copyOf(batch));
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            batchConsumer.accept(List.copyOf(batch));
        }
        return count;
    }
}
