package org.socialmedia.post.query.readmodel;

/**
 * The parked events as last counted: events waiting for a missing predecessor. NaN when unknown.
 *
 * @param waiting          how many are parked
 * @param oldestAgeSeconds how long the oldest has been parked; zero when none is
 */
public record ParkedEvents(double waiting, double oldestAgeSeconds) {

    /** What is known while the table cannot be read. */
    public static final ParkedEvents UNKNOWN = new ParkedEvents(Double.NaN, Double.NaN);
}
