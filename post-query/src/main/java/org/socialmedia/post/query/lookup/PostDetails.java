package org.socialmedia.post.query.lookup;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A post as the lookups answer it; the component order is the JSON field order of the contract. */
public record PostDetails(UUID id, String author, String message, Instant datePosted, long likes, long version,
                          List<CommentDetails> comments) {

    public PostDetails {
        comments = List.copyOf(comments);
    }
}
