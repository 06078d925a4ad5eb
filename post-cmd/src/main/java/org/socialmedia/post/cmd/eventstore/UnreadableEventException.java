package org.socialmedia.post.cmd.eventstore;

/**
 * A stored document that this version cannot read as an event: a type or field that a newer
 * version writes (during a rolling upgrade), or a document changed by hand. The document stays as
 * it is; what cannot be read is never guessed at.
 */
final class UnreadableEventException extends RuntimeException {

    UnreadableEventException(Object documentId, RuntimeException cause) {
        super("stored event " + documentId + " cannot be read: " + cause.getMessage(), cause);
    }
}
