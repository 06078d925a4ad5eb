package org.socialmedia.post.query.projection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the projection retries, and how it is watched.
 *
 * @param poisonAttempts        deliveries of a poison record before it goes to the dead-letter topic
 * @param poisonRetryInterval   pause between those deliveries
 * @param outageInitialInterval first pause after an infrastructure failure (PostgreSQL down); doubles each time
 * @param outageMaxInterval     cap of that pause; such failures are retried for as long as they last
 * @param monitorInterval       how often the lag, the parked events and the stall check are refreshed: often
 *                              enough that a scrape or a readiness probe sees a stall within seconds, seldom
 *                              enough that the few calls each refresh makes cost nothing
 * @param monitorTimeout        how long each of those calls (to Kafka or PostgreSQL) may take; a monitor that
 *                              waited for the thing it watches would go quiet exactly when it should speak
 * @param stallTimeout          how long records may wait on a partition while its committed offset stands still
 *                              before readiness says the projection is stalled. Longer than anything that pauses
 *                              a healthy projection: a batch takes well under a second, an outage retry waits at
 *                              most {@code outageMaxInterval}, and a rebalance after a peer vanished waits for
 *                              the consumer's session timeout (45 s by default)
 */
@ConfigurationProperties("app.projection")
public record ProjectionProperties(@DefaultValue("3") int poisonAttempts,
                                   @DefaultValue("100ms") Duration poisonRetryInterval,
                                   @DefaultValue("200ms") Duration outageInitialInterval,
                                   @DefaultValue("5s") Duration outageMaxInterval,
                                   @DefaultValue("5s") Duration monitorInterval,
                                   @DefaultValue("2s") Duration monitorTimeout,
                                   @DefaultValue("60s") Duration stallTimeout) {
}
