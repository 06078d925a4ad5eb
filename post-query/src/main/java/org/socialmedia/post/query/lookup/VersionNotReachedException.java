package org.socialmedia.post.query.lookup;

import java.time.Duration;
import java.util.UUID;

/** The read model did not apply the awaited version in time; the client may ask again later. */
public class VersionNotReachedException extends RuntimeException {

    public VersionNotReachedException(UUID postId, long minVersion, long appliedVersion, Duration waited) {
        super("post " + postId + " has not reached version " + minVersion + " within " + waited.toMillis()
                + " ms (applied version: " + appliedVersion + ")");
    }
}
