package org.socialmedia.cqrs.domain;

/** The target existed but has been removed; no command applies to it any more. */
public class AggregateGoneException extends DomainException {

    public AggregateGoneException(String message) {
        super(message);
    }
}
