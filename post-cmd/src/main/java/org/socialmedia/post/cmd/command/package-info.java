/**
 * Commands on posts over HTTP: the controller and its bodies, one handler per command, and the
 * executor that loads a post, lets it decide, stores its event and retries a lost race. Stored
 * events leave through {@link org.socialmedia.post.cmd.command.StoredEventsListener}, which
 * publication implements.
 */
@NullMarked
package org.socialmedia.post.cmd.command;

import org.jspecify.annotations.NullMarked;
