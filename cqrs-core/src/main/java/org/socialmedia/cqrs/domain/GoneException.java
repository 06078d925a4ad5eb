package org.socialmedia.cqrs.domain;

/** The target existed but has been removed; no command applies to it any more. */
public class GoneException extends DomainException {

    public GoneException(String message) {
        super(message);
    }
}
