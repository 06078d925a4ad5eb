package org.socialmedia.post.query.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the projection retries.
 *
 * @param poisonAttempts        deliveries of a poison record before it goes to the dead-letter topic
 * @param poisonRetryInterval   pause between those deliveries
 * @param outageInitialInterval first pause after an infrastructure failure (PostgreSQL down); doubles each time
 * @param outageMaxInterval     cap of that pause; such failures are retried for as long as they last
 */
@ConfigurationProperties("app.projection")
public record ProjectionProperties(@DefaultValue("3") int poisonAttempts,
                                   @DefaultValue("100ms") Duration poisonRetryInterval,
                                   @DefaultValue("200ms") Duration outageInitialInterval,
                                   @DefaultValue("5s") Duration outageMaxInterval) {
}
