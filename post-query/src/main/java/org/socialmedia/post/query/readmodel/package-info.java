/**
 * The read tables ({@code post}, {@code post_comment}, {@code parked_event}, {@code post_totals})
 * and everything that reads or writes them; no other package touches them. One way of access per
 * purpose:
 *
 * <ul>
 *   <li>the projection writes with batched SQL ({@link org.socialmedia.post.query.readmodel.ReadModelWriter}),
 *       merged per transaction ({@link org.socialmedia.post.query.readmodel.PendingChanges}), in event order,
 *       and announces the posts it changed with {@code NOTIFY} in the same transaction
 *       ({@link org.socialmedia.post.query.readmodel.AnnouncedChange}), for the live stream of every instance;</li>
 *   <li>the lookups read the posts and comments they show as read-only JPA entities through Spring
 *       Data repositories ({@link org.socialmedia.post.query.readmodel.PostView},
 *       {@link org.socialmedia.post.query.readmodel.CommentView});</li>
 *   <li>what only needs ids, versions and counts is one light SQL statement with no entity: which posts a
 *       page shows ({@link org.socialmedia.post.query.readmodel.PostListing}), which version of a post
 *       is applied ({@link org.socialmedia.post.query.readmodel.PostVersions}), how many events are parked
 *       ({@link org.socialmedia.post.query.readmodel.ParkedEventsCensus}).</li>
 * </ul>
 *
 * Flyway's migrations in {@code db/migration} create the tables; {@code post_totals} is kept by triggers.
 */
@NullMarked
package org.socialmedia.post.query.readmodel;

import org.jspecify.annotations.NullMarked;
