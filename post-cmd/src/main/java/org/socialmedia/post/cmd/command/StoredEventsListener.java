package org.socialmedia.post.cmd.command;

import java.util.List;

import org.socialmedia.cqrs.eventstore.RecordedEvent;

/**
 * Told about events right after they are stored, by the command committing the post's group and
 * before the post's line moves on, so that events of one post arrive in version order. It must not
 * block: publication happens elsewhere.
 */
@FunctionalInterface
public interface StoredEventsListener {

    void stored(List<RecordedEvent> events);
}
