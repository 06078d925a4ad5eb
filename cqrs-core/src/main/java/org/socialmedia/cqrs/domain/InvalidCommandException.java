package org.socialmedia.cqrs.domain;

/** A command carries a value the aggregate's invariants do not accept. */
public class InvalidCommandException extends DomainException {

    private final String field;
    private final String reason;

    /**
     * @param field  the command's field, as the client named it
     * @param reason what is wrong with its value, in words for the client ("must not be blank")
     */
    public InvalidCommandException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** What is wrong with the field's value, without the field's name, as a list of invalid fields shows it. */
    public String reason() {
        return reason;
    }
}
