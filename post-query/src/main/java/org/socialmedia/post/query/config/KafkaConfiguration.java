package org.socialmedia.post.query.config;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.socialmedia.post.query.projection.PoisonRecords;
import org.socialmedia.post.query.projection.ProjectionMetrics;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The post event topic, its dead-letter topic, and what happens when a batch fails: poison
 * records are retried a few times and then dead-lettered; everything else is retried with a
 * growing pause for as long as it fails, so an outage delays the projection but never skips
 * an event. Boot's listener container factory picks the error handler up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KafkaTopicProperties.class, ProjectionProperties.class})
class KafkaConfiguration {

    @Bean
    PostEventCodec postEventCodec() {
        return new PostEventCodec();
    }

    @Bean
    NewTopic postEventsTopic(KafkaTopicProperties topics) {
        return TopicBuilder.name(topics.topic()).partitions(topics.partitions()).build();
    }

    @Bean
    NewTopic postEventsDeadLetterTopic(KafkaTopicProperties topics) {
        return TopicBuilder.name(topics.deadLetterTopic()).partitions(topics.partitions()).build();
    }

    @Bean
    DefaultErrorHandler projectionErrorHandler(KafkaOperations<?, ?> kafka, KafkaTopicProperties topics,
                                               ProjectionProperties retries, ProjectionMetrics metrics) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters(kafka, topics, metrics), outageBackOff(retries));
        BackOff poisonBackOff = new FixedBackOff(retries.poisonRetryInterval().toMillis(),
                Math.max(0, retries.poisonAttempts() - 1));
        // null: not poison, so the default (outage) back-off applies.
        handler.setBackOffFunction((record, failure) -> failure != null && PoisonRecords.isPoison(failure) ? poisonBackOff : null);
        handler.setRetryListeners((record, failure, deliveryAttempt) -> metrics.failedDelivery());
        return handler;
    }

    private static BackOff outageBackOff(ProjectionProperties retries) {
        ExponentialBackOff backOff = new ExponentialBackOff(retries.outageInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retries.outageMaxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    /**
     * Publishes to {@code <topic>.DLT} with the post id as key and no fixed partition, so the
     * dead-letter topic may have any number of partitions; Spring's headers carry the original
     * topic, partition, offset and exception, {@link PoisonRecords#REASON_HEADER} the reason.
     */
    private static ConsumerAwareRecordRecoverer deadLetters(KafkaOperations<?, ?> kafka, KafkaTopicProperties topics,
                                                            ProjectionMetrics metrics) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(topics.deadLetterTopic(), -1));
        publisher.setHeadersFunction((record, failure) -> new RecordHeaders().add(PoisonRecords.REASON_HEADER,
                PoisonRecords.reason(failure).getBytes(StandardCharsets.UTF_8)));
        return (record, consumer, failure) -> {
            publisher.accept(record, consumer, failure);
            metrics.deadLettered();
        };
    }
}
