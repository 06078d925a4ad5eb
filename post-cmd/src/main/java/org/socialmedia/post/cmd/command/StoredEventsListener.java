package org.socialmedia.post.cmd.command;

import java.util.List;

import org.socialmedia.cqrs.eventstore.RecordedEvent;

/**
 * Told about events right after they are stored, while the post's lock is still held, so that
 * events of one post arrive in version order. It must not block: publication happens elsewhere.
 */
@FunctionalInterface
public interface StoredEventsListener {

    void stored(List<RecordedEvent> events);
}
