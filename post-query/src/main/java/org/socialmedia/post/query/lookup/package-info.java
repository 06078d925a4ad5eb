/**
 * The lookups: the routes of {@code /api/v1/posts}, the questions behind them as queries routed
 * through the query dispatcher, and their answers, assembled from the read model once per version
 * of a post; read-your-writes waits for a client's own version ({@code minVersion}).
 */
@NullMarked
package org.socialmedia.post.query.lookup;

import org.jspecify.annotations.NullMarked;
