package org.socialmedia.post.query.projection.monitor;

/** The monitor could not see what it watches this time; what it reports is unknown until it can. */
final class MonitorException extends RuntimeException {

    MonitorException(String message, Throwable cause) {
        super(message, cause);
    }
}
