package org.socialmedia.post.query.readmodel;

import java.util.UUID;

/**
 * A committed change of a post as the projection announces it on the PostgreSQL channel
 * {@value #CHANNEL}, one notification per post per projection transaction, as JSON with these
 * fields. Only committed transactions are delivered, to every listening session, in commit order.
 *
 * @param sequence a number from {@code post_change_sequence}, taken in the projection's transaction:
 *                 every instance names the change alike
 * @param id       the post
 * @param version  the post's version after the transaction
 * @param author   the post's author
 * @param removed  whether the post is removed now
 */
public record AnnouncedChange(long sequence, UUID id, long version, String author, boolean removed) {

    public static final String CHANNEL = "post_changes";
}
