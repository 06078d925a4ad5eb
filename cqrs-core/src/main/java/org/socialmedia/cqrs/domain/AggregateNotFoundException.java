package org.socialmedia.cqrs.domain;

import java.util.UUID;

/** No event exists for the requested aggregate. */
public class AggregateNotFoundException extends NotFoundException {

    public AggregateNotFoundException(String aggregateType, UUID id) {
        super(aggregateType + " " + id + " does not exist");
    }
}
