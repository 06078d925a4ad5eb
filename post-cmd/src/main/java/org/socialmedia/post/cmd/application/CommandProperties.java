package org.socialmedia.post.cmd.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How commands are run.
 *
 * @param maxAttempts how often a command is decided again after losing a race before it answers 409
 * @param maxBackoff  longest pause between two attempts
 * @param lockStripes number of per-post lock stripes in one instance
 * @param cachedPosts most posts kept in memory between commands
 */
@ConfigurationProperties("app.commands")
public record CommandProperties(
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("20ms") Duration maxBackoff,
        @DefaultValue("1024") int lockStripes,
        @DefaultValue("10000") int cachedPosts) {
}
