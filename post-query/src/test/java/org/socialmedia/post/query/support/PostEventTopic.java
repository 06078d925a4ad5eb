package org.socialmedia.post.query.support;

import org.apache.kafka.clients.admin.NewTopic;
import org.socialmedia.post.common.topic.PostTopics;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The post event topic, created as post-cmd creates it: this service only consumes it, and a test
 * publishes to each of its partitions, whatever a broker gives a topic it creates on its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostEventTopic {

    @Bean
    NewTopic postEventTopic(PostTopics topics) {
        return TopicBuilder.name(topics.topic()).partitions(topics.partitions()).build();
    }
}
