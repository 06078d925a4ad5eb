package org.socialmedia.cqrs.domain;

/** A command carries a value the aggregate's invariants do not accept. */
public class InvalidCommandException extends DomainException {

    private final String field;

    public InvalidCommandException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
