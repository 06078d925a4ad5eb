package org.socialmedia.cqrs.domain;

/**
 * Something that happened to an aggregate. Events are immutable facts named in the past tense;
 * they are the only thing the event store keeps.
 */
public interface DomainEvent {
}
