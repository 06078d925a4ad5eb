package org.socialmedia.post.cmd.command;

import java.time.Clock;

import org.socialmedia.cqrs.eventstore.EventSourcedRepository;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.post.cmd.domain.Post;
import org.socialmedia.post.common.event.PostEvent;
import org.socialmedia.post.common.event.PostEventType;

/** Posts, loaded from and saved to the event store. */
class PostRepository extends EventSourcedRepository<Post, PostEvent> {

    PostRepository(EventStore store, Clock clock) {
        super(store, PostEventType.AGGREGATE_TYPE, PostEvent.class, Post::new, clock);
    }
}
