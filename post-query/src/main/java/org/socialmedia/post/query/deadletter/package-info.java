/** The dead-letter topic once its events' cause is fixed: re-driving them to the post event topic. */
@NullMarked
package org.socialmedia.post.query.deadletter;

import org.jspecify.annotations.NullMarked;
