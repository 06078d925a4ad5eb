/**
 * What both services do alike as OAuth 2.0 resource servers: the filter chain's common rules
 * (stateless bearer tokens, CORS, open probes and API description), 401 and 403 as problem details
 * with the bearer challenge, the admin scope, and the bearer schemes of the OpenAPI description.
 * Each service adds the authorization rules of its own routes.
 */
@NullMarked
package org.socialmedia.post.common.security;

import org.jspecify.annotations.NullMarked;
