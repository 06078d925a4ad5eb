package org.socialmedia.post.query.lookup;

import org.jspecify.annotations.Nullable;

/**
 * What a page of posts is narrowed to; absent parts do not filter, present parts all apply.
 *
 * @param author       exactly this author
 * @param withComments only posts with at least one comment; {@code false} does not filter
 * @param minLikes     only posts with at least this many likes
 */
record PostFilter(@Nullable String author, boolean withComments, @Nullable Long minLikes) {

    static final PostFilter NONE = new PostFilter(null, false, null);
}
