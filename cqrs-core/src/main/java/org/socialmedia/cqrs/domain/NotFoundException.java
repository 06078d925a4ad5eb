package org.socialmedia.cqrs.domain;

/** The command names something that does not exist, such as an unknown aggregate or comment. */
public class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }
}
