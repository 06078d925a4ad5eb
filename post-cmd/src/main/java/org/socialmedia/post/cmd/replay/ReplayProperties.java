package org.socialmedia.post.cmd.replay;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How replays run.
 *
 * @param maxInFlight replayed events at most unacknowledged by the broker. Live events go through
 *                    the same producer and queue behind whatever is in flight on their partition,
 *                    so this, not the length of the replay, bounds how long a replay delays them;
 *                    it only needs to be large enough to keep a few producer batches per
 *                    partition on the way
 * @param leaseTtl    how long the replay lease outlives its last renewal. A replay renews it
 *                    every third of this while it runs, so it must exceed the longest pause
 *                    between two events of a replay (one {@code app.publication.ack-timeout}); it
 *                    is also how long a replay that crashed blocks the next one
 */
@ConfigurationProperties("app.replay")
public record ReplayProperties(
        @DefaultValue("200") int maxInFlight,
        @DefaultValue("60s") Duration leaseTtl) {
}
