package org.socialmedia.post.query.lookup;

import org.springframework.data.domain.Page;

/** A page of visible posts, newest first, narrowed by the filter. */
record FindPostsQuery(PostFilter filter, int page, int size) implements PostQuery<Page<PostDetails>> {

    FindPostsQuery {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1, got page " + page + ", size " + size);
        }
    }
}
