package org.socialmedia.post.cmd.publication;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.socialmedia.post.common.topic.PostTopics;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/** Publication of stored events to the post event topic: fast path and catch-up scan. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PublicationProperties.class, PostTopics.class})
class PublicationConfiguration {

    /** This service publishes the post events, so it creates their topic; the read side only consumes it. */
    @Bean
    NewTopic postEventsTopic(PostTopics topics) {
        return TopicBuilder.name(topics.topic()).partitions(topics.partitions()).build();
    }

    @Bean
    EventSender eventSender(KafkaTemplate<String, String> kafka, PostEventCodec codec, PostTopics topics) {
        return new KafkaEventSender(kafka, codec, topics.topic());
    }

    @Bean
    PublicationMetrics publicationMetrics(MeterRegistry registry, Outbox outbox) {
        return new PublicationMetrics(registry, outbox);
    }

    @Bean
    PublicationWakeUp publicationWakeUp() {
        return new PublicationWakeUp();
    }

    @Bean
    DeferredPublishedMarks deferredPublishedMarks(Outbox outbox, PublicationProperties settings) {
        return new DeferredPublishedMarks(outbox, settings.batchSize(), settings.queueCapacity());
    }

    @Bean
    EventRelay eventRelay(DeferredPublishedMarks marks, EventSender sender, PublicationProperties settings,
                          PublicationMetrics metrics, PublicationWakeUp wakeUp) {
        return new EventRelay(marks.outbox(), sender, settings.maxInFlight(), metrics, wakeUp);
    }

    @Bean
    PublicationWorker publicationWorker(EventRelay relay, DeferredPublishedMarks marks, PublicationProperties settings,
                                        PublicationWakeUp wakeUp, Clock clock) {
        return new PublicationWorker(relay, marks, settings, wakeUp, clock);
    }
}
