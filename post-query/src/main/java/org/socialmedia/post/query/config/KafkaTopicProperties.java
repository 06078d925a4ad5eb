package org.socialmedia.post.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The post event topic and its dead-letter topic.
 *
 * @param topic      the topic post-cmd publishes to, keyed by post id
 * @param partitions partitions of both topics when this service has to create them
 */
@ConfigurationProperties("app.kafka")
public record KafkaTopicProperties(@DefaultValue("social-media-post-events") String topic,
                                   @DefaultValue("3") int partitions) {

    public String deadLetterTopic() {
        return topic + ".DLT";
    }
}
