package org.socialmedia.cqrs.domain;

/** A command was refused by a rule; subclasses say which kind of refusal it is. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
