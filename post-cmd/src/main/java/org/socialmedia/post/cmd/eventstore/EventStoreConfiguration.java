package org.socialmedia.post.cmd.eventstore;

import java.time.Clock;

import org.bson.Document;
import org.socialmedia.post.cmd.replay.ReplayProperties;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * The MongoDB event store and its indexes, its outbox view, the replay lease beside it, and the
 * bounds on every wait for MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreProperties.class)
class EventStoreConfiguration {

    static final String COLLECTION = "eventStore";

    /** Spring Boot's MongoDB client takes the timeouts from here; the connection string's own win. */
    @Bean
    MongoClientTimeouts mongoClientTimeouts(EventStoreProperties settings, MongoConnectionDetails connection) {
        return new MongoClientTimeouts(settings, connection.getConnectionString());
    }

    @Bean
    PostEventCodec postEventCodec() {
        return new PostEventCodec();
    }

    @Bean
    EventDocuments eventDocuments(PostEventCodec codec) {
        return new EventDocuments(codec);
    }

    @Bean
    MongoCollection<Document> eventStoreCollection(MongoTemplate mongo) {
        MongoCollection<Document> events = mongo.getCollection(COLLECTION);
        // The unique index is what refuses the second of two concurrent appends of one version.
        events.createIndex(Indexes.ascending(EventDocuments.AGGREGATE_ID, EventDocuments.VERSION),
                new IndexOptions().unique(true).name("aggregateId_version_unique"));
        events.createIndex(Indexes.ascending(EventDocuments.PUBLISHED, EventDocuments.OCCURRED_AT),
                new IndexOptions().name("published_occurredAt"));
        return events;
    }

    @Bean
    MongoEventStore mongoEventStore(MongoCollection<Document> eventStoreCollection, EventDocuments documents) {
        return new MongoEventStore(eventStoreCollection, documents);
    }

    @Bean
    MongoOutbox mongoOutbox(MongoCollection<Document> eventStoreCollection, EventDocuments documents,
                            EventStoreProperties settings) {
        return new MongoOutbox(eventStoreCollection, documents, settings.scanTimeout());
    }

    @Bean
    MongoReplayLeases mongoReplayLeases(MongoTemplate mongo, ReplayProperties replay, Clock clock) {
        return new MongoReplayLeases(mongo.getCollection(MongoReplayLeases.COLLECTION), replay.leaseTtl(), clock);
    }
}
