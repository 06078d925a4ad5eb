/**
 * How fast one client may send commands: a token bucket per acting user, and one per client
 * address for requests without a token, so that a person never meets the limit and a script is
 * slowed to it with 429 and {@code Retry-After}. Buckets live in each instance's memory.
 */
@NullMarked
package org.socialmedia.post.cmd.ratelimit;

import org.jspecify.annotations.NullMarked;
