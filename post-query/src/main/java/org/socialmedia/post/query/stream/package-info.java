/**
 * Live updates: {@code GET /api/v1/posts/stream} tells browsers, as server-sent events, of every
 * change the projection commits, whichever instance committed it. The projection announces its
 * changes with PostgreSQL's {@code NOTIFY} in its own transaction (see the read model); each
 * instance listens on a connection of its own and fans the changes out to its subscribers, each
 * through a bounded queue written by a small pool of sender threads, so that a slow client only
 * ever delays itself, and is told to refetch when it falls behind.
 */
@NullMarked
package org.socialmedia.post.query.stream;

import org.jspecify.annotations.NullMarked;
