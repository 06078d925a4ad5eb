package org.socialmedia.post.common.topic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The post event topic and its dead-letter topic, as both services and every tool name them.
 * post-cmd publishes to the topic and creates it; post-query consumes it, and owns and creates the
 * dead-letter topic, where it parks what it can never apply.
 *
 * @param topic      the topic of post events, keyed by post id
 * @param partitions partitions of a topic the service creates (an existing topic keeps its own)
 */
@ConfigurationProperties("app.kafka")
public record PostTopics(@DefaultValue(DEFAULT_TOPIC) String topic, @DefaultValue("3") int partitions) {

    public static final String DEFAULT_TOPIC = "social-media-post-events";
    private static final String DEAD_LETTER_SUFFIX = ".DLT";

    /** The names a deployment gets when it sets nothing. */
    public static PostTopics defaults() {
        return new PostTopics(DEFAULT_TOPIC, 3);
    }

    public String deadLetterTopic() {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
