package org.socialmedia.cqrs.domain;

/** The caller is not allowed to do this, for instance to edit somebody else's post. */
public class NotPermittedException extends DomainException {

    public NotPermittedException(String message) {
        super(message);
    }
}
