package org.socialmedia.post.query.lookup;

import java.time.Duration;
import java.util.UUID;

import org.socialmedia.post.common.web.RetryLaterException;

/** The read model did not apply the awaited version in time; the client may ask again later. */
class VersionNotReachedException extends RetryLaterException {

    VersionNotReachedException(UUID postId, long minVersion, long appliedVersion, Duration waited) {
        super("post " + postId + " has not reached version " + minVersion + " within " + waited.toMillis()
                + " ms (applied version: " + appliedVersion + ")");
    }
}
