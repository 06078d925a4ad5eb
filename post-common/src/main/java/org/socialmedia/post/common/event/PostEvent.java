package org.socialmedia.post.common.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import org.socialmedia.cqrs.domain.DomainEvent;

/**
 * Everything that can happen to a post. The set is closed (sealed), so every consumer's
 * {@code switch} can be checked for completeness; the wire names are in {@link PostEventType}.
 */
public sealed interface PostEvent extends DomainEvent {

    record PostCreated(String author, String message, Instant datePosted) implements PostEvent {
        public PostCreated {
            requireNonNull(author, "author");
            requireNonNull(message, "message");
            requireNonNull(datePosted, "datePosted");
        }
    }

    record MessageUpdated(String message) implements PostEvent {
        public MessageUpdated {
            requireNonNull(message, "message");
        }
    }

    record PostLiked(String username) implements PostEvent {
        public PostLiked {
            requireNonNull(username, "username");
        }
    }

    record CommentAdded(UUID commentId, String username, String comment, Instant commentDate) implements PostEvent {
        public CommentAdded {
            requireNonNull(commentId, "commentId");
            requireNonNull(username, "username");
            requireNonNull(comment, "comment");
            requireNonNull(commentDate, "commentDate");
        }
    }

    record CommentUpdated(UUID commentId, String username, String comment, Instant editDate) implements PostEvent {
        public CommentUpdated {
            requireNonNull(commentId, "commentId");
            requireNonNull(username, "username");
            requireNonNull(comment, "comment");
            requireNonNull(editDate, "editDate");
        }
    }

    record CommentRemoved(UUID commentId, String username) implements PostEvent {
        public CommentRemoved {
            requireNonNull(commentId, "commentId");
            requireNonNull(username, "username");
        }
    }

    record PostRemoved(String username) implements PostEvent {
        public PostRemoved {
            requireNonNull(username, "username");
        }
    }
}
