package org.socialmedia.post.query.readmodel;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A row of the {@code post} table as the lookups see it. Only the projection writes the table
 * (with plain SQL, in event order), so the entity is read-only.
 */
@Entity
@Immutable
@Table(name = "post")
public class PostView {

    @Id
    private UUID id;
    private String author;
    private String message;
    private Instant datePosted;
    private long likes;
    private int commentCount;
    private long version;
    private boolean removed;

    protected PostView() {
    }

    PostView(UUID id, String author, String message, Instant datePosted, long likes, int commentCount, long version,
             boolean removed) {
        this.id = id;
        this.author = author;
        this.message = message;
        this.datePosted = datePosted;
        this.likes = likes;
        this.commentCount = commentCount;
        this.version = version;
        this.removed = removed;
    }

    public UUID getId() {
        return id;
    }

    public String getAuthor() {
        return author;
    }

    public String getMessage() {
        return message;
    }

    public Instant getDatePosted() {
        return datePosted;
    }

    public long getLikes() {
        return likes;
    }

    public int getCommentCount() {
        return commentCount;
    }

    public long getVersion() {
        return version;
    }

    public boolean isRemoved() {
        return removed;
    }
}
