/**
 * Who may call the service: a bearer JWT from any OIDC provider on every command, the scope
 * {@code posts.admin} on administration, and the acting user that the commands carry, taken from
 * the token and never from a body.
 */
@NullMarked
package org.socialmedia.post.cmd.security;

import org.jspecify.annotations.NullMarked;
