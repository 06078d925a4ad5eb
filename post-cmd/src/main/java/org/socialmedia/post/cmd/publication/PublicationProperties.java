package org.socialmedia.post.cmd.publication;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How stored events are published.
 *
 * @param catchUpInterval how often the outbox is scanned while this instance knows events are left
 *                        unpublished (the broker failed, the queue overflowed, a predecessor stored
 *                        elsewhere took too long)
 * @param sweepInterval   how often the outbox is scanned anyway, for events an instance that crashed
 *                        left behind; a scan reads the whole unpublished set, so it is kept rare
 * @param gracePeriod     how old an unpublished event must be before a scan takes it over from the
 *                        fast path (avoids publishing the same fresh event twice)
 * @param batchSize       most events published in one round
 * @param queueCapacity   most events waiting for the fast path; beyond it they wait for a scan
 * @param ackTimeout      longest wait for the broker's acknowledgements of what was sent, when
 *                        stopping and after each round of a catch-up scan (the fast path never
 *                        waits for them)
 * @param maxInFlight     most events sent and not yet acknowledged by the broker: the fast path
 *                        keeps sending new batches while earlier ones are answered, up to this;
 *                        beyond it, events wait in the queue (and past its capacity, in the store
 *                        for a scan), so a slow broker cannot fill the heap
 */
@ConfigurationProperties("app.publication")
public record PublicationProperties(
        @DefaultValue("1s") Duration catchUpInterval,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("3s") Duration gracePeriod,
        @DefaultValue("500") int batchSize,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("20s") Duration ackTimeout,
        @DefaultValue("2000") int maxInFlight) {
}
