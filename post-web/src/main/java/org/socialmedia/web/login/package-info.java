/** Logging in and out at the identity provider, and who is logged in ({@code GET /me}). */
@NullMarked
package org.socialmedia.web.login;

import org.jspecify.annotations.NullMarked;
