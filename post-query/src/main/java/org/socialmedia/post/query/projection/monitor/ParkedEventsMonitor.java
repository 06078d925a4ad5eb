package org.socialmedia.post.query.projection.monitor;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialmedia.post.query.readmodel.ParkedEvents;
import org.socialmedia.post.query.readmodel.ParkedEventsCensus;

/**
 * Counts the parked events once per refresh, so that a scrape never waits for the database, and a
 * database that does not answer makes the figures unknown instead of holding the scrape.
 */
final class ParkedEventsMonitor {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventsMonitor.class);

    private final ParkedEventsCensus census;
    private final Duration timeout;
    private volatile ParkedEvents parked = ParkedEvents.UNKNOWN;

    ParkedEventsMonitor(ParkedEventsCensus census, Duration timeout) {
        this.census = census;
        this.timeout = timeout;
    }

    ParkedEvents parked() {
        return parked;
    }

    /** Counts again. Called by one thread at a time, never the projection's. */
    void refresh() {
        try {
            parked = census.take(timeout);
        } catch (RuntimeException unreachable) {
            log.debug("parked events not counted", unreachable);
            parked = ParkedEvents.UNKNOWN;
        }
    }
}
