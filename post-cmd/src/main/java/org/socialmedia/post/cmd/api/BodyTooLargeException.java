package org.socialmedia.post.cmd.api;

import org.springframework.util.unit.DataSize;

/** A request body larger than this service reads (HTTP 413). */
class BodyTooLargeException extends RuntimeException {

    BodyTooLargeException(DataSize limit) {
        super("The request body must not be larger than " + limit.toBytes() + " bytes.");
    }
}
