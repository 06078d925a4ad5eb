/** The development identity provider: known users, a public PKCE client, and tokens for curl. */
@NullMarked
package org.socialmedia.devauth;

import org.jspecify.annotations.NullMarked;
