package org.socialmedia.post.query.stream;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialmedia.post.query.readmodel.AnnouncedChange;

/** Which changes a subscriber asked for: one post's, one author's, both (they combine) or all. */
record SubscriberFilter(@Nullable UUID postId, @Nullable String author) {

    static final SubscriberFilter ALL = new SubscriberFilter(null, null);

    boolean accepts(AnnouncedChange change) {
        return (postId == null || postId.equals(change.id())) && (author == null || author.equals(change.author()));
    }
}
