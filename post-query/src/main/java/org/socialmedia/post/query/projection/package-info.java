/** Turns the post event stream into the read tables: once per version, in version order, poison aside. */
@NullMarked
package org.socialmedia.post.query.projection;

import org.jspecify.annotations.NullMarked;
