package org.socialmedia.post.query.lookup;

import org.socialmedia.post.common.web.RetryLaterException;

/** As many requests as allowed already wait for versions; the client may ask again shortly. */
class TooManyVersionWaitersException extends RetryLaterException {

    TooManyVersionWaitersException(int maxWaiters) {
        super("too many requests are waiting for a version (at most " + maxWaiters + "); ask again shortly");
    }
}
