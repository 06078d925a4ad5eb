/**
 * Publication of stored events to the post event topic, which this service creates: each post's
 * events in version order, at least once, even when the broker was away.
 */
@NullMarked
package org.socialmedia.post.cmd.publication;

import org.jspecify.annotations.NullMarked;
