package org.socialmedia.post.query.stream;

import org.socialmedia.post.common.web.RetryLaterException;

/** As many streams as allowed are open on this instance; another instance, or this one shortly, may have room. */
class TooManySubscribersException extends RetryLaterException {

    TooManySubscribersException(int maxSubscribers) {
        super("too many live streams are open (at most " + maxSubscribers + "); connect again shortly");
    }
}
