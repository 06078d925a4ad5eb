/**
 * Who may call the service: lookups are open to anyone unless configured otherwise, and the
 * administration (the dead-letter re-drive) needs a bearer JWT with the scope {@code posts.admin}.
 */
@NullMarked
package org.socialmedia.post.query.security;

import org.jspecify.annotations.NullMarked;
