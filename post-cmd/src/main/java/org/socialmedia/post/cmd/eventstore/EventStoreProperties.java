package org.socialmedia.post.cmd.eventstore;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long this service waits for MongoDB. The driver's own defaults wait 30 s for a server and
 * forever for an answer, so a MongoDB that stops answering without closing its connections would
 * hold every request thread until a client gave up; these bounds turn it into a 503 within a few
 * seconds, and let the background work find out and try again.
 *
 * <p>Each value that the connection string also sets ({@code timeoutMS},
 * {@code serverSelectionTimeoutMS}, {@code connectTimeoutMS}, {@code socketTimeoutMS}) is taken
 * from the connection string: it is the deployment's word on that one cluster, and what an
 * operator reading it expects to be in force.
 *
 * @param operationTimeout       the budget of one call to MongoDB, the driver's client-side operation
 *                               timeout ({@code timeoutMS}): finding a server, getting a connection,
 *                               every round trip, and the server's own work, which the driver sends
 *                               as {@code maxTimeMS} so that MongoDB stops an operation nobody waits
 *                               for any more. A command makes one or two calls (read the post unless
 *                               it is cached, append its event), each of milliseconds, and gives up at
 *                               the first that fails, so 2 s is hundreds of times a normal call, and a
 *                               stuck one answers 503 well before the lock timeout. 0 turns it off (it
 *                               is an alpha API of the driver 5.x): then the server selection,
 *                               connect and socket timeouts limit each step of a call on their own
 * @param scanTimeout            the budget of one scan of the outbox. A scan reads the whole backlog a
 *                               long broker outage left behind, on the publication thread, where
 *                               nobody waits for an answer, so it gets longer than a command's call
 * @param serverSelectionTimeout longest wait for a server to send a call to (a primary, while an
 *                               election runs); never longer than the operation timeout
 * @param connectTimeout         longest wait to open a connection (TCP and TLS), a few round trips even
 *                               across regions. The driver's monitor also waits this long for each
 *                               heartbeat, so it is how soon a frozen server is known to be unavailable
 * @param socketTimeout          longest wait for one answer, where no operation timeout applies
 *                               (operation timeout 0); with one, the driver reads for the rest of the
 *                               operation's budget instead. Long enough for the slowest single answer,
 *                               a batch of a replay or a scan
 */
@ConfigurationProperties("app.event-store")
record EventStoreProperties(
        @DefaultValue("2s") Duration operationTimeout,
        @DefaultValue("30s") Duration scanTimeout,
        @DefaultValue("2s") Duration serverSelectionTimeout,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration socketTimeout) {
}
