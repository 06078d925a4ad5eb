package org.socialmedia.post.query.lookup;

import org.socialmedia.cqrs.dispatch.Query;

/** Every question the read model answers; the dispatcher checks at start-up that each has a handler. */
sealed interface PostQuery<R> extends Query<R> permits FindPostsQuery, FindPostByIdQuery, FindPostVersionQuery {
}
