package org.socialmedia.post.cmd.domain;

import static org.socialmedia.post.cmd.domain.TextRule.AUTHOR;
import static org.socialmedia.post.cmd.domain.TextRule.COMMENT;
import static org.socialmedia.post.cmd.domain.TextRule.MESSAGE;
import static org.socialmedia.post.cmd.domain.TextRule.USERNAME;

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
        post.raise(new PostCreated(AUTHOR.accept(author), MESSAGE.accept(message), now));
        return post;
    }

    public void updateMessage(String username, String message) {
        requireAuthor(username, "edit");
        raise(new MessageUpdated(MESSAGE.accept(message)));
    }

    /** A like is per user: liking again changes nothing. */
    public void like(String username) {
        requireActive();
        String user = USERNAME.accept(username);
        if (!likedBy.contains(user)) {
            raise(new PostLiked(user));
        }
    }

    public void addComment(UUID commentId, String username, String comment, Instant now) {
        requireActive();
        raise(new CommentAdded(commentId, USERNAME.accept(username), COMMENT.accept(comment), now));
    }

    public void updateComment(UUID commentId, String username, String comment, Instant now) {
        String user = requireCommentAuthor(commentId, username, "edit");
        raise(new CommentUpdated(commentId, user, COMMENT.accept(comment), now));
    }

    public void removeComment(UUID commentId, String username) {
        String user = requireCommentAuthor(commentId, username, "remove");
        raise(new CommentRemoved(commentId, user));
    }

    public void remove(String username) {
        String user = requireAuthor(username, "delete");
        raise(new PostRemoved(user));
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
        // Names are kept in NFC, the form commands carry, also those of events stored before text was normalized.
        if (event instanceof PostCreated created) {
            author = TextRule.nfc(created.author());
        } else if (event instanceof PostLiked liked) {
            likedBy.add(TextRule.nfc(liked.username()));
        } else if (event instanceof CommentAdded added) {
            comments.put(added.commentId(), new Comment(TextRule.nfc(added.username()), false));
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

    /** @return the username as events carry it */
    private String requireAuthor(String username, String action) {
        requireActive();
        String user = USERNAME.accept(username);
        if (!author.equals(user)) {
            throw new NotPermittedException("only the author of post " + id + " may " + action + " it");
        }
        return user;
    }

    /** @return the username as events carry it */
    private String requireCommentAuthor(UUID commentId, String username, String action) {
        requireActive();
        String user = USERNAME.accept(username);
        Comment comment = comments.get(commentId);
        if (comment == null) {
            throw new NotFoundException("comment " + commentId + " does not exist on post " + id);
        }
        if (comment.isRemoved()) {
            throw new GoneException("comment " + commentId + " has been removed");
        }
        if (!comment.author().equals(user)) {
            throw new NotPermittedException("only the author of comment " + commentId + " may " + action + " it");
        }
        return user;
    }

    private record Comment(String author, boolean isRemoved) {
        Comment removed() {
            return new Comment(author, true);
        }
    }
}
