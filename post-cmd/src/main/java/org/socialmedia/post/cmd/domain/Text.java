package org.socialmedia.post.cmd.domain;

import org.socialmedia.cqrs.domain.InvalidCommandException;

/** The post's limits on text. The HTTP edge checks them too, to name fields; these keep the invariant. */
final class Text {

    static final int MAX_NAME = 64;
    static final int MAX_MESSAGE = 5000;
    static final int MAX_COMMENT = 2000;

    private Text() {
    }

    static String author(String value) {
        return require("author", value, MAX_NAME);
    }

    static String username(String value) {
        return require("username", value, MAX_NAME);
    }

    static String message(String value) {
        return require("message", value, MAX_MESSAGE);
    }

    static String comment(String value) {
        return require("comment", value, MAX_COMMENT);
    }

    private static String require(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field, "must not be blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidCommandException(field, "must be at most " + maxLength + " characters");
        }
        return value;
    }
}
