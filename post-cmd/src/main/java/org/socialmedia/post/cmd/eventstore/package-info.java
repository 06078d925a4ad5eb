/**
 * The MongoDB adapter: the event store, its outbox view and the replay lease, each a port declared
 * by the package that uses it, on nothing but single-document atomicity.
 */
@NullMarked
package org.socialmedia.post.cmd.eventstore;

import org.jspecify.annotations.NullMarked;
