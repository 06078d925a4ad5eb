package org.socialmedia.post.cmd.replay;

/**
 * Makes replays single-flight across every instance that shares the event store. A replay reads
 * the whole store and keeps the broker busy; two at once would double that load for nothing,
 * since each republishes the same events.
 */
public interface ReplayLeases {

    /**
     * Takes the one replay lease, or takes it over from a holder that let it expire.
     *
     * @param scope what the replay covers, for whoever is refused meanwhile
     * @throws ReplayInProgressException while another replay holds the lease
     */
    Lease acquire(String scope);

    /**
     * The right to replay, until closed. It expires unless kept alive, so that a holder that
     * crashed blocks replays only for a while.
     */
    interface Lease extends AutoCloseable {

        /**
         * Extends the lease when a good part of it has passed; cheap enough to call for every event.
         *
         * @return false if the lease was lost: it expired, and another replay took it over
         */
        boolean keepAlive();

        /** Releases the lease, unless it was lost to another replay. */
        @Override
        void close();
    }
}
