package org.socialmedia.post.query.deadletter;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.socialmedia.post.common.topic.PostTopics;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Re-driving dead letters; how far re-drives got is kept by the consumer group {@code <projection's group>-redrive}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PostTopics.class, RedriveProperties.class})
class RedriveConfiguration {

    @Bean
    DeadLetterRedrive deadLetterRedrive(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka,
                                        PostTopics topics, RedriveProperties settings) {
        String group = consumers.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG) + "-redrive";
        return new DeadLetterRedrive(consumers, kafka, topics.deadLetterTopic(), topics.topic(), group, settings.brokerTimeout());
    }
}
