package org.socialmedia.post.cmd.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topic post events are published to.
 *
 * @param topic      topic name
 * @param partitions partitions when this service creates the topic; posts are spread over them by id
 */
@ConfigurationProperties("app.kafka")
public record TopicProperties(
        @DefaultValue("social-media-post-events") String topic,
        @DefaultValue("3") int partitions) {
}
