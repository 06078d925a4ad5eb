package org.socialmedia.post.common.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many checked tokens the service remembers, and for how long at most ({@link VerifiedTokens}).
 *
 * @param maxSize the most tokens remembered at once; 0 checks every request's token anew
 * @param maxAge  the longest a token is remembered, even when it expires later
 */
@ConfigurationProperties("app.security.verified-tokens")
public record VerifiedTokenProperties(
        @DefaultValue("20000") long maxSize,
        @DefaultValue("5m") Duration maxAge) {
}
