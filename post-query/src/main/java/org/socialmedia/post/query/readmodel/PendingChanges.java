package org.socialmedia.post.query.readmodel;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialmedia.post.common.event.PostEvent;

/**
 * The changes one projection transaction makes, merged per post and per comment before anything
 * is written: a batch of 500 events on a few dozen posts becomes a few batched statements instead
 * of 500 round trips. A rebuild replays the whole store, so this is what sets its speed.
 *
 * <p>Merging follows the events' order within each post, so the rows written are exactly those
 * that applying the events one by one would leave. {@link ReadModelWriter#write} writes them.
 */
public final class PendingChanges {

    /** A post's row after the batch: a new row, or deltas to apply to the stored one. */
    static final class PostChange {
        final UUID id;
        final boolean isNew;
        @Nullable String author;
        @Nullable Instant datePosted;
        @Nullable String message;
        long likesAdded;
        int commentsAdded;
        boolean removed;
        long version;

        PostChange(UUID id, boolean isNew) {
            this.id = id;
            this.isNew = isNew;
        }
    }

    /** A comment to insert, or the new text of a stored one, with the post version that changed it last. */
    static final class CommentChange {
        final UUID id;
        final UUID postId;
        final @Nullable String username;
        final @Nullable Instant commentDate;
        String comment;
        boolean edited;
        long changedVersion;

        CommentChange(UUID id, UUID postId, @Nullable String username, String comment, @Nullable Instant commentDate,
                      boolean edited, long changedVersion) {
            this.id = id;
            this.postId = postId;
            this.username = username;
            this.comment = comment;
            this.commentDate = commentDate;
            this.edited = edited;
            this.changedVersion = changedVersion;
        }
    }

    private final Map<UUID, PostChange> posts = new LinkedHashMap<>();
    private final Map<UUID, CommentChange> newComments = new LinkedHashMap<>();
    private final Map<UUID, CommentChange> editedComments = new LinkedHashMap<>();
    private final Map<UUID, UUID> removedComments = new LinkedHashMap<>();

    public void created(UUID postId, PostEvent.PostCreated created) {
        PostChange post = new PostChange(postId, true);
        post.author = created.author();
        post.message = created.message();
        post.datePosted = created.datePosted();
        post.version = 1;
        posts.put(postId, post);
    }

    public void messageUpdated(UUID postId, long version, String message) {
        post(postId, version).message = message;
    }

    public void liked(UUID postId, long version) {
        post(postId, version).likesAdded++;
    }

    public void commentAdded(UUID postId, long version, PostEvent.CommentAdded added) {
        post(postId, version).commentsAdded++;
        newComments.put(added.commentId(), new CommentChange(added.commentId(), postId, added.username(), added.comment(),
                added.commentDate(), false, version));
    }

    /** The comment keeps its original date; only its text changes and it is marked as edited. */
    public void commentUpdated(UUID postId, long version, PostEvent.CommentUpdated updated) {
        post(postId, version);
        CommentChange added = newComments.get(updated.commentId());
        if (added != null && added.postId.equals(postId)) {
            added.comment = updated.comment();
            added.edited = true;
            added.changedVersion = version;
        } else {
            editedComments.put(updated.commentId(),
                    new CommentChange(updated.commentId(), postId, null, updated.comment(), null, true, version));
        }
    }

    public void commentRemoved(UUID postId, long version, PostEvent.CommentRemoved removed) {
        PostChange post = post(postId, version);
        CommentChange added = newComments.get(removed.commentId());
        if (added != null && added.postId.equals(postId)) {
            newComments.remove(removed.commentId());
            post.commentsAdded--;
        } else {
            editedComments.remove(removed.commentId());
            removedComments.put(removed.commentId(), postId);
        }
    }

    /** The row stays, flagged, so its version keeps turning replays of older events into no-ops. */
    public void postRemoved(UUID postId, long version) {
        post(postId, version).removed = true;
    }

    Collection<PostChange> posts() {
        return posts.values();
    }

    Collection<CommentChange> newComments() {
        return newComments.values();
    }

    Collection<CommentChange> editedComments() {
        return editedComments.values();
    }

    /** Stored comments to delete, by comment id, with their post's id. */
    Map<UUID, UUID> removedComments() {
        return removedComments;
    }

    boolean isEmpty() {
        return posts.isEmpty();
    }

    private PostChange post(UUID postId, long version) {
        PostChange post = posts.computeIfAbsent(postId, id -> new PostChange(id, false));
        post.version = version;
        return post;
    }
}
