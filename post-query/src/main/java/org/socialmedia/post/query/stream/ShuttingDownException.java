package org.socialmedia.post.query.stream;

import org.socialmedia.post.common.web.RetryLaterException;

/** This instance is stopping and no longer hears changes; another one, or this one once back, will serve the stream. */
class ShuttingDownException extends RetryLaterException {

    ShuttingDownException() {
        super("the service is shutting down; connect again shortly");
    }
}
