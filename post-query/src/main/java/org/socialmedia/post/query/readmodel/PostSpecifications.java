package org.socialmedia.post.query.readmodel;

import org.springframework.data.jpa.domain.Specification;

/** The building blocks of a post search; they combine with {@code and}. */
public final class PostSpecifications {

    private PostSpecifications() {
    }

    /** Removed posts keep their row for the version check, but no lookup may show them. */
    public static Specification<PostView> visible() {
        return (post, query, cb) -> cb.isFalse(post.get("removed"));
    }

    public static Specification<PostView> byAuthor(String author) {
        return (post, query, cb) -> cb.equal(post.get("author"), author);
    }

    public static Specification<PostView> withComments() {
        return (post, query, cb) -> cb.greaterThan(post.get("commentCount"), 0);
    }

    public static Specification<PostView> withAtLeastLikes(long minLikes) {
        return (post, query, cb) -> cb.greaterThanOrEqualTo(post.get("likes"), minLikes);
    }
}
