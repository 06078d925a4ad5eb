/** The read tables as JPA entities and the repositories that query them. */
@NullMarked
package org.socialmedia.post.query.readmodel;

import org.jspecify.annotations.NullMarked;
