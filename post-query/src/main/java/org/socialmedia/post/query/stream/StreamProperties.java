package org.socialmedia.post.query.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live stream's settings.
 *
 * @param maxSubscribers          streams this instance serves at once; the next is answered 503 with {@code Retry-After}.
 *                                Each holds a connection and a queue, no thread
 * @param heartbeat               how often an idle stream gets a comment line, so proxies and browsers keep it open
 * @param replaySize              how many recent changes this instance remembers for clients that reconnect with
 *                                {@code Last-Event-ID}; an older id is answered with {@code refetch}
 * @param queueSize               messages that may wait for one client; beyond, it is told to refetch instead. At least
 *                                a projection batch (500 posts), which is announced at once; the changes themselves
 *                                are shared, so a queue costs a few bytes per waiting message
 * @param sendThreads             threads kept ready to write to clients. While a client does not read, the write to it
 *                                blocks (until the server's write timeout fails it) and holds a thread of its own:
 *                                more are started then, one per blocked client at most, and end when idle
 * @param clientRetry             how long a browser waits before it reconnects a broken stream ({@code retry:})
 * @param connectionCheckInterval how long the listening connection may stay silent before it is checked with a
 *                                query: a connection that a failover or a firewall cut silently is found this way
 * @param relistenMaxInterval     the longest pause between attempts to listen again after the connection was lost
 */
@ConfigurationProperties("app.stream")
record StreamProperties(@DefaultValue("1000") int maxSubscribers,
                        @DefaultValue("15s") Duration heartbeat,
                        @DefaultValue("1000") int replaySize,
                        @DefaultValue("1000") int queueSize,
                        @DefaultValue("4") int sendThreads,
                        @DefaultValue("3s") Duration clientRetry,
                        @DefaultValue("10s") Duration connectionCheckInterval,
                        @DefaultValue("5s") Duration relistenMaxInterval) {
}
