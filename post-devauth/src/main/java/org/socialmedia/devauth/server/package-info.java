/** The OAuth 2.0 / OpenID Connect endpoints, the browser client, and the claims the services read. */
@NullMarked
package org.socialmedia.devauth.server;

import org.jspecify.annotations.NullMarked;
