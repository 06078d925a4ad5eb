package org.socialmedia.post.cmd.publication;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/** Publication of stored events to Kafka: fast path, catch-up scan, and replay. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PublicationProperties.class, TopicProperties.class, ReplayProperties.class})
class PublicationConfiguration {

    @Bean
    NewTopic postEventsTopic(TopicProperties topic) {
        return TopicBuilder.name(topic.topic()).partitions(topic.partitions()).build();
    }

    @Bean
    EventSender eventSender(KafkaTemplate<String, String> kafka, PostEventCodec codec, TopicProperties topic) {
        return new KafkaEventSender(kafka, codec, topic.topic());
    }

    @Bean
    PublicationMetrics publicationMetrics(MeterRegistry registry, Outbox outbox) {
        return new PublicationMetrics(registry, outbox);
    }

    @Bean
    DeferredPublishedMarks deferredPublishedMarks(Outbox outbox, PublicationProperties settings) {
        return new DeferredPublishedMarks(outbox, settings.batchSize(), settings.queueCapacity());
    }

    @Bean
    EventRelay eventRelay(DeferredPublishedMarks marks, EventSender sender, PublicationProperties settings,
                          PublicationMetrics metrics) {
        return new EventRelay(marks.outbox(), sender, settings.ackTimeout(), metrics);
    }

    @Bean
    PublicationWorker publicationWorker(EventRelay relay, DeferredPublishedMarks marks, PublicationProperties settings,
                                        Clock clock) {
        return new PublicationWorker(relay, marks, settings, clock);
    }

    @Bean
    ReplayService replayService(EventStore store, EventSender sender, ReplayLeases leases, ReplayProperties replay,
                                PublicationProperties settings) {
        return new ReplayService(store, sender, leases, replay.maxInFlight(), settings.ackTimeout());
    }
}
