package org.socialmedia.post.cmd.publication;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How stored events are published.
 *
 * @param scanInterval  how often the outbox is scanned for events the fast path did not publish
 * @param gracePeriod   how old an unpublished event must be before the scan takes it over from the
 *                      fast path (avoids publishing the same fresh event twice)
 * @param batchSize     most events published in one round
 * @param queueCapacity most events waiting for the fast path; beyond it they wait for the scan
 * @param ackTimeout    longest wait for the broker's acknowledgements of one round
 */
@ConfigurationProperties("app.publication")
public record PublicationProperties(
        @DefaultValue("1s") Duration scanInterval,
        @DefaultValue("3s") Duration gracePeriod,
        @DefaultValue("500") int batchSize,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("20s") Duration ackTimeout) {
}
