package org.socialmedia.post.cmd.publication;

import java.util.concurrent.CompletableFuture;

import org.socialmedia.cqrs.eventstore.RecordedEvent;

/** Sends one event to the topic. */
public interface EventSender {

    /** Completes once the broker has acknowledged the record; fails if it did not. */
    CompletableFuture<?> send(RecordedEvent event);
}
