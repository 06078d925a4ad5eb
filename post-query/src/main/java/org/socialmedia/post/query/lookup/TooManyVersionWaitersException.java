package org.socialmedia.post.query.lookup;

/** As many requests as allowed already wait for versions; the client may ask again shortly. */
public class TooManyVersionWaitersException extends RuntimeException {

    public TooManyVersionWaitersException(int maxWaiters) {
        super("too many requests are waiting for a version (at most " + maxWaiters + "); ask again shortly");
    }
}
