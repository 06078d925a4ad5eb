/** Tokens without a browser: for curl with a password, and (only when enabled) for any user name. */
@NullMarked
package org.socialmedia.devauth.token;

import org.jspecify.annotations.NullMarked;
