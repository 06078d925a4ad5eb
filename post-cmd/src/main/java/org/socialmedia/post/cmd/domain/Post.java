package org.socialmedia.post.cmd.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.socialmedia.cqrs.domain.AggregateRoot;
import org.socialmedia.cqrs.domain.GoneException;
import org.socialmedia.cqrs.domain.NotFoundException;
import org.socialmedia.cqrs.domain.NotPermittedException;
import org.socialmedia.post.common.event.PostEvent;
import org.socialmedia.post.common.event.PostEvent.CommentAdded;
import org.socialmedia.post.common.event.PostEvent.CommentRemoved;
import org.socialmedia.post.common.event.PostEvent.CommentUpdated;
import org.socialmedia.post.common.event.PostEvent.MessageUpdated;
import org.socialmedia.post.common.event.PostEvent.PostCreated;
import org.socialmedia.post.common.event.PostEvent.PostLiked;
import org.socialmedia.post.common.event.PostEvent.PostRemoved;

/**
 * A social media post with its likes and comments.
 *
 * <p>Each verb checks the post's rules and raises one event, or throws; {@link #when} is the only
 * place that changes state. The state kept is only what the rules need: who wrote the post and
 * each comment, who liked it, and what was removed.
 */
public final class Post extends AggregateRoot<PostEvent> {

    private final UUID id;
    private String author = "";
    private boolean removed;
    private final Set<String> likedBy = new HashSet<>();
    private final Map<UUID, Comment> comments = new HashMap<>();

    public Post(UUID id) {
        this.id = id;
    }

    public static Post create(UUID id, String author, String message, Instant now) {
        Post post = new Post(id);
        post.raise(new PostCreated(Text.author(author), Text.message(message), now));
        return post;
    }

    public void editMessage(String username, String message) {
        requireAuthor(username, "edit");
        raise(new MessageUpdated(Text.message(message)));
    }

    /** A like is per user: liking again changes nothing. */
    public void like(String username) {
        requireActive();
        Text.username(username);
        if (!likedBy.contains(username)) {
            raise(new PostLiked(username));
        }
    }

    public void addComment(UUID commentId, String username, String comment, Instant now) {
        requireActive();
        raise(new CommentAdded(commentId, Text.username(username), Text.comment(comment), now));
    }

    public void editComment(UUID commentId, String username, String comment, Instant now) {
        requireCommentAuthor(commentId, username, "edit");
        raise(new CommentUpdated(commentId, username, Text.comment(comment), now));
    }

    public void removeComment(UUID commentId, String username) {
        requireCommentAuthor(commentId, username, "remove");
        raise(new CommentRemoved(commentId, username));
    }

    public void delete(String username) {
        requireAuthor(username, "delete");
        raise(new PostRemoved(username));
    }

    @Override
    public UUID id() {
        return id;
    }

    public String author() {
        return author;
    }

    public boolean isRemoved() {
        return removed;
    }

    public int likes() {
        return likedBy.size();
    }

    @Override
    protected void when(PostEvent event) {
        if (event instanceof PostCreated created) {
            author = created.author();
        } else if (event instanceof PostLiked liked) {
            likedBy.add(liked.username());
        } else if (event instanceof CommentAdded added) {
            comments.put(added.commentId(), new Comment(added.username(), false));
        } else if (event instanceof CommentRemoved removedComment) {
            comments.computeIfPresent(removedComment.commentId(), (id, comment) -> comment.removed());
        } else if (event instanceof PostRemoved) {
            removed = true;
        }
        // MessageUpdated and CommentUpdated change nothing a rule depends on.
    }

    private void requireActive() {
        if (removed) {
            throw new GoneException("post " + id + " has been removed");
        }
    }

    private void requireAuthor(String username, String action) {
        requireActive();
        Text.username(username);
        if (!author.equals(username)) {
            throw new NotPermittedException("only the author of post " + id + " may " + action + " it");
        }
    }

    private void requireCommentAuthor(UUID commentId, String username, String action) {
        requireActive();
        Text.username(username);
        Comment comment = comments.get(commentId);
        if (comment == null) {
            throw new NotFoundException("comment " + commentId + " does not exist on post " + id);
        }
        if (comment.isRemoved()) {
            throw new GoneException("comment " + commentId + " has been removed");
        }
        if (!comment.author().equals(username)) {
            throw new NotPermittedException("only the author of comment " + commentId + " may " + action + " it");
        }
    }

    private record Comment(String author, boolean isRemoved) {
        Comment removed() {
            return new Comment(author, true);
        }
    }
}
