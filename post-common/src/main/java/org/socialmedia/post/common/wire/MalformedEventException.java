package org.socialmedia.post.common.wire;

/**
 * A record that cannot become an event: not JSON, an unknown type, or data that does not fit the
 * type. Retrying cannot help; such a record is poison.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public MalformedEventException(String reason) {
        super(reason);
    }
}
