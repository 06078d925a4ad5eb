package org.socialmedia.post.cmd.command;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How commands are run, and where their answers point.
 *
 * @param maxAttempts    how often a command is decided again after losing a race before it answers 409
 * @param maxBackoff     longest pause between two attempts
 * @param maxGroupSize   most commands on one post decided together and stored with one write
 * @param queueTimeout   longest a command waits in its post's line before it is taken into a group,
 *                       then 503; the longest line one instance can form is its request threads, and
 *                       a group of them is stored in milliseconds, so the default lets such a line
 *                       clear many times over and only trips behind a group stuck in the store
 * @param cachedPosts    most posts kept in memory between commands
 * @param lookupsBaseUrl post-query's base URL as clients reach it; the {@code Location} of a new post
 *                       or comment points there, since this service has no route that reads a post
 */
@ConfigurationProperties("app.commands")
record CommandProperties(
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("20ms") Duration maxBackoff,
        @DefaultValue("64") int maxGroupSize,
        @DefaultValue("10s") Duration queueTimeout,
        @DefaultValue("10000") int cachedPosts,
        @DefaultValue("http://localhost:8082") URI lookupsBaseUrl) {
}
