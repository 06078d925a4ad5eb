package org.socialmedia.post.query.readmodel;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A row of the {@code post_comment} table. It holds its post's id rather than a mapped
 * association: the comments of a whole page are fetched in one query, never post by post.
 */
@Entity
@Immutable
@Table(name = "post_comment")
public class CommentView {

    @Id
    private UUID id;
    private UUID postId;
    private String username;
    private String comment;
    private Instant commentDate;
    private boolean edited;
    private long changedVersion;

    protected CommentView() {
    }

    CommentView(UUID id, UUID postId, String username, String comment, Instant commentDate, boolean edited,
                long changedVersion) {
        this.id = id;
        this.postId = postId;
        this.username = username;
        this.comment = comment;
        this.commentDate = commentDate;
        this.edited = edited;
        this.changedVersion = changedVersion;
    }

    public UUID getId() {
        return id;
    }

    public UUID getPostId() {
        return postId;
    }

    public String getUsername() {
        return username;
    }

    public String getComment() {
        return comment;
    }

    public Instant getCommentDate() {
        return commentDate;
    }

    public boolean isEdited() {
        return edited;
    }

    /** The post version that added this comment or last edited it. */
    public long getChangedVersion() {
        return changedVersion;
    }
}
