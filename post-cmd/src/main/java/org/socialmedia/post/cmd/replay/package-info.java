/**
 * Replays of stored events on an operator's request, of the whole store or of one post, one at a
 * time among all instances.
 */
@NullMarked
package org.socialmedia.post.cmd.replay;

import org.jspecify.annotations.NullMarked;
